// The script-tag loader (dist/script-tag/raincheck.js): `<script type="module" src=".../raincheck.js">`
// defines each Raincheck element the page uses, on demand, from the self-contained module beside
// it, for elements in the page now and added later. `<rc-provider>` is defined before the widgets,
// so widgets inside it find their configuration when they upgrade.

/** Tag → file name of its module in the same folder; filled in by build/script-tag.ts. */
declare const RAINCHECK_ELEMENTS: Readonly<Record<string, string>>;

const PROVIDER = 'rc-provider';
const folder = new URL('./', import.meta.url);
const loads = new Map<string, Promise<void>>();

/** Defines one Raincheck element (resolves once it is defined); loading it twice loads it once. */
export function load(tag: string): Promise<void> {
  const file = RAINCHECK_ELEMENTS[tag];
  if (!file)
    return Promise.reject(
      new Error(
        `@raincheck/elements script-tag loader: no element named <${tag}> (known: ${Object.keys(RAINCHECK_ELEMENTS).join(', ')})`,
      ),
    );
  let loading = loads.get(tag);
  if (!loading) {
    loading = import(new URL(file, folder).href).then(() => customElements.whenDefined(tag)).then(() => undefined);
    loads.set(tag, loading);
  }
  return loading;
}

/** The Raincheck tags used under `root` (and by `root` itself) that are not defined yet. */
function undefinedTags(root: Element | Document): string[] {
  const found = new Set<string>();
  if (root instanceof Element && root.localName in RAINCHECK_ELEMENTS) found.add(root.localName);
  for (const element of root.querySelectorAll(':not(:defined)')) {
    if (element.localName in RAINCHECK_ELEMENTS) found.add(element.localName);
  }
  return [...found].filter((tag) => !customElements.get(tag));
}

async function discover(root: Element | Document): Promise<void> {
  const tags = undefinedTags(root);
  if (tags.includes(PROVIDER)) await load(PROVIDER);
  await Promise.all(tags.filter((tag) => tag !== PROVIDER).map((tag) => load(tag)));
}

/** Resolves once every Raincheck element in the page when the loader ran is defined. */
export const ready: Promise<void> = discover(document);

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) {
      if (node instanceof Element) void discover(node);
    }
  }
}).observe(document, { childList: true, subtree: true });
