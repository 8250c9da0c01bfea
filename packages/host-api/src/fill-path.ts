/** A path parameter the route cannot take: its name, and what is wrong with its value. */
export interface PathParameterProblem {
  readonly name: string;
  /** `missing` (absent, empty, not a string) or `unsafe` (it could not stay one segment of the route). */
  readonly kind: 'missing' | 'unsafe';
  readonly message: string;
}

/** `path` with each `{param}` filled, and the parameters that could not fill theirs (in order). */
export interface FilledPath {
  readonly path: string;
  readonly problems: PathParameterProblem[];
}

/**
 * One pass over the `{param}` placeholders: each value URI-encoded into one segment, or a problem.
 * The encoded text is what fills the path, so a minifier cannot drop the encoding (and the lone
 * surrogate it refuses) as a call without effects.
 */
export function fillPathParameters(path: string, params: Readonly<Record<string, unknown>>): FilledPath {
  const problems: PathParameterProblem[] = [];
  const unfit = (name: string, kind: PathParameterProblem['kind'], message: string) => (
    problems.push({ name, kind, message }),
    ''
  );
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== 'string' || value === '')
      return unfit(name, 'missing', 'missing: expected a non-empty string');
    // `.` and `..` are dot segments: URL parsing removes them (and `%2E` spelt the same), so the
    // call would reach another endpoint. Every other well-formed string encodes into one segment.
    if (value === '.' || value === '..')
      return unfit(name, 'unsafe', `${JSON.stringify(value)} is a dot segment: it would move the call to another path`);
    try {
      return encodeURIComponent(value);
    } catch {
      return unfit(name, 'unsafe', 'has a lone surrogate, which cannot be URI-encoded');
    }
  });
  return { path: filled, problems };
}

/**
 * Fills `{param}` placeholders, each URI-encoded into one segment, so no value can change the route.
 * @throws TypeError naming the parameter and the path when a value is missing, empty, `.`, `..`
 * or not encodable.
 */
export function fillPath(path: string, params: Readonly<Record<string, unknown>>): string {
  const {
    path: filled,
    problems: [problem],
  } = fillPathParameters(path, params);
  if (problem?.kind === 'missing') throw new TypeError(`missing path parameter "${problem.name}" for ${path}`);
  if (problem) throw new TypeError(`path parameter "${problem.name}" for ${path}: ${problem.message}`);
  return filled;
}
