import { readFile } from 'node:fs/promises';
import { transform, type Plugin } from 'esbuild';
import ts from 'typescript';

// Lit's html`` and css`` templates keep their source indentation in a bundle: esbuild minifies code,
// not the text inside template literals. This plugin shrinks that text at build time:
// - css`` without substitutions goes through esbuild's own CSS minifier, then loses the spaces it
//   keeps in custom properties (see compactCustomProperties);
// - everything else only has each run of whitespace that contains a line break made one space,
//   which renders the same (no template here sets `white-space: pre` or holds a <pre>).

type Edit = { start: number; end: number; text: string };

/** The text of a template literal part between its delimiters (`…${`, `}…${`, `}…`). */
function innerRange(part: ts.TemplateLiteralLikeNode, source: ts.SourceFile): [number, number] {
  const start = part.getStart(source) + 1;
  const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
  return [start, end];
}

const collapse = (raw: string) => raw.replace(/[ \t]*\r?\n\s*/g, ' ');

/**
 * esbuild's CSS minifier keeps custom properties' values as written, spaces included. A CSS parser
 * drops the whitespace after a declaration's colon, and a space after a comma separates nothing,
 * so both go; quoted strings stay exactly as written.
 */
export const compactCustomProperties = (css: string) =>
  css
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/(--[\w-]+): /g, '$1:').replace(/, /g, ',')))
    .join('');

const asTemplateText = (text: string) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/** The source with its html`` and css`` templates minified. */
export async function minifyTemplates(code: string, fileName: string): Promise<string> {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Promise<Edit>[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      (node.tag.text === 'html' || node.tag.text === 'css')
    ) {
      const { template } = node;
      if (node.tag.text === 'css' && ts.isNoSubstitutionTemplateLiteral(template)) {
        const [start, end] = innerRange(template, source);
        edits.push(
          transform(template.text, { loader: 'css', minify: true }).then((result) => ({
            start,
            end,
            text: asTemplateText(compactCustomProperties(result.code.trim())),
          })),
        );
      } else {
        const parts = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template]
          : [template.head, ...template.templateSpans.map((span) => span.literal)];
        for (const part of parts) {
          const [start, end] = innerRange(part, source);
          edits.push(Promise.resolve({ start, end, text: collapse(code.slice(start, end)) }));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const { start, end, text } of (await Promise.all(edits)).sort((a, b) => b.start - a.start))
    out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** An esbuild plugin (for tsup) minifying the templates of every TypeScript source file it loads. */
export const minifyTemplatesPlugin: Plugin = {
  name: 'minify-lit-templates',
  setup(build) {
    build.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => ({
      contents: await minifyTemplates(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
