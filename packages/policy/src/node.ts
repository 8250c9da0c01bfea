import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PolicyValidationError } from './errors.js';
import { createPolicy, type Policy, type PolicyOptions } from './policy.js';

/** A rule file read from disk. */
export interface LoadedRuleFile {
  /** The path it was read from; validation errors name it. */
  readonly name: string;
  readonly content: unknown;
}

/** The `*.json` files of a folder (not its `tests/`), or the given files, sorted by name. */
export async function listRuleFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      found.push(...entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => join(path, e.name)));
    } else {
      found.push(path);
    }
  }
  return found.sort();
}

/**
 * Reads rule files (folders or files). Malformed JSON is reported like any validation problem.
 * @throws PolicyValidationError for files that are not JSON.
 */
export async function loadRuleFiles(paths: readonly string[]): Promise<LoadedRuleFile[]> {
  const files = await listRuleFiles(paths);
  const loaded: LoadedRuleFile[] = [];
  const broken: { file: string; path: string; message: string }[] = [];
  for (const name of files) {
    const text = await readFile(name, 'utf8');
    try {
      loaded.push({ name, content: JSON.parse(text) as unknown });
    } catch (error) {
      broken.push({ file: name, path: '$', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  if (broken.length > 0) throw new PolicyValidationError(broken);
  return loaded;
}

/** Loads every rule file in `dir` into a policy (Node only). */
export async function loadPolicyFromDir(dir: string, options: PolicyOptions = {}): Promise<Policy> {
  return createPolicy(await loadRuleFiles([dir]), options);
}
