/** Rule files to build a policy from: `{ "name.json": json }`, or a list of `{ name, content }`. */
export type RuleFileSources =
  Readonly<Record<string, unknown>> | readonly { readonly name: string; readonly content: unknown }[];

/** The sources as one list of named contents, in the order given. */
export function ruleFileList(sources: RuleFileSources): { name: string; content: unknown }[] {
  return Array.isArray(sources)
    ? [...(sources as readonly { name: string; content: unknown }[])]
    : Object.entries(sources as Record<string, unknown>).map(([name, content]) => ({ name, content }));
}

/** Files in policy order: by id. */
export function sortedById<F extends { readonly id: string }>(files: readonly F[]): F[] {
  return [...files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
