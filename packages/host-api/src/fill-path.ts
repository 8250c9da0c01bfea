/** A path parameter the route cannot take: its name, and what is wrong with its value. */
export interface PathParameterProblem {
  readonly name: string;
  /** `missing` (absent, empty, not a string) or `unsafe` (it could not stay one segment of the route). */
  readonly kind: 'missing' | 'unsafe';
  readonly message: string;
}

// `.` and `..` are dot segments: URL parsing removes them (and `%2E` spelt the same), so the call
// would reach another endpoint. Every other well-formed string encodes into one segment of its own.
const DOT_SEGMENTS = new Set(['.', '..']);

function segmentProblem(name: string, value: unknown): PathParameterProblem | undefined {
  if (typeof value !== 'string' || value === '') return { name, kind: 'missing', message: 'missing: expected a non-empty string' };
  if (DOT_SEGMENTS.has(value)) {
    return { name, kind: 'unsafe', message: `${JSON.stringify(value)} is a dot segment: it would move the call to another path` };
  }
  try {
    encodeURIComponent(value);
  } catch {
    return { name, kind: 'unsafe', message: 'has a lone surrogate, which cannot be URI-encoded' };
  }
  return undefined;
}

/** The `{param}` placeholders of `path` whose values in `params` cannot fill it, in order. */
export function pathParameterProblems(path: string, params: Readonly<Record<string, unknown>>): PathParameterProblem[] {
  return [...path.matchAll(/\{(\w+)\}/g)].flatMap(([, name]) => segmentProblem(name!, params[name!]) ?? []);
}

/**
 * Fills `{param}` placeholders, each URI-encoded into one segment, so no value can change the route.
 * @throws TypeError naming the parameter and the path when a value is missing, empty, `.`, `..`
 * or not encodable.
 */
export function fillPath(path: string, params: Readonly<Record<string, unknown>>): string {
  const [problem] = pathParameterProblems(path, params);
  if (problem?.kind === 'missing') throw new TypeError(`missing path parameter "${problem.name}" for ${path}`);
  if (problem) throw new TypeError(`path parameter "${problem.name}" for ${path}: ${problem.message}`);
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] as string));
}
