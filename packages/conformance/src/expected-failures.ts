import type { ExpectedFailure } from './types.js';

/**
 * Reads an expected-failures file's text: a JSON array of `{ "id": "<check id>", "reason": "…" }`.
 * @param knownIds the kit's check ids: an id it does not know is an error (a typo would hide nothing).
 * @throws Error naming the file, the entry and what is wrong.
 */
export function parseExpectedFailures(text: string, file: string, knownIds: readonly string[]): ExpectedFailure[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of { "id", "reason" }`);
  return data.map((entry: unknown, index) => {
    const { id, reason } = (entry ?? {}) as { id?: unknown; reason?: unknown };
    if (typeof id !== 'string' || !knownIds.includes(id))
      throw new Error(
        `${file}: [${index}].id ${JSON.stringify(id)} is not a check id (ids: raincheck conformance --list)`,
      );
    if (typeof reason !== 'string' || reason.trim() === '')
      throw new Error(`${file}: [${index}].reason must say why ${id} is expected to fail`);
    return { id, reason };
  });
}
