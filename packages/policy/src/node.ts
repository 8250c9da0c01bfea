import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PolicyValidationError, type ValidationIssue } from './errors.js';
import { createPolicy } from './create-policy.js';
import type { Policy, PolicyOptions } from './policy.js';

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
 * Reads rule files and builds a policy from them, reporting malformed JSON and invalid rules
 * together (Node only).
 * @param displayName how a file is named in errors; defaults to its path.
 * @throws PolicyValidationError naming every problem of every file.
 */
export async function loadPolicy(
  paths: readonly string[],
  options: PolicyOptions & { displayName?: (path: string) => string } = {},
): Promise<Policy> {
  const { displayName = (path: string) => path, ...policyOptions } = options;
  const sources: LoadedRuleFile[] = [];
  const broken: ValidationIssue[] = [];
  for (const path of await listRuleFiles(paths)) {
    const name = displayName(path);
    try {
      sources.push({ name, content: JSON.parse(await readFile(path, 'utf8')) as unknown });
    } catch (error) {
      broken.push({ file: name, path: '$', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  const issues = [...broken];
  let policy: Policy | undefined;
  // With only broken files there is nothing to validate: the JSON errors say it all.
  if (sources.length > 0 || broken.length === 0) {
    try {
      policy = createPolicy(sources, policyOptions);
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0 || !policy) throw new PolicyValidationError(issues);
  return policy;
}

/** Loads every rule file in `dir` into a policy (Node only). */
export async function loadPolicyFromDir(dir: string, options: PolicyOptions = {}): Promise<Policy> {
  return loadPolicy([dir], options);
}
