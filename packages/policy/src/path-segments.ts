/**
 * `$.rules[2].event["odd key"]` → `["rules", 2, "event", "odd key"]`: the inverse of the paths in
 * validation issues, for editors that place an error at the value it names.
 */
export function jsonPathSegments(path: string): (string | number)[] {
  if (!path.startsWith('$')) throw new SyntaxError(`not a JSON path: ${path}`);
  const segments: (string | number)[] = [];
  const token = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  token.lastIndex = 1;
  while (token.lastIndex < path.length) {
    const at = token.lastIndex;
    const match = token.exec(path);
    if (!match) throw new SyntaxError(`not a JSON path: ${path} (at ${at})`);
    segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]!) as string)));
  }
  return segments;
}
