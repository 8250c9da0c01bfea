/** Fills `{param}` placeholders, each URI-encoded. */
export function fillPath(path: string, params: Readonly<Record<string, unknown>>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== 'string' || value === '') throw new TypeError(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}
