import { lstat, readFile, readdir, readlink, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { join } from 'node:path';
import { PolicyValidationError, jsonPath, type ValidationIssue } from './errors.js';
import { createPolicy } from './create-policy.js';
import { deepestPoint, parseJsonBytes } from './json-text.js';
import { MAX_JSON_DEPTH } from './json-data.js';
import type { Policy, PolicyOptions } from './policy.js';

/** A rule file read from disk. */
export interface LoadedRuleFile {
  /** The path it was read from; validation errors name it. */
  readonly name: string;
  readonly content: unknown;
}

/** A JSON file found on disk: its path, and how errors name it. */
export interface FoundJsonFile {
  readonly path: string;
  readonly name: string;
}

/** What {@link listJsonFiles} found, and every path it could not use (each issue at `$`). */
export interface JsonFileListing {
  readonly files: readonly FoundJsonFile[];
  readonly issues: readonly ValidationIssue[];
}

/** Options of {@link listJsonFiles}. */
export interface ListJsonFilesOptions {
  /** The name ending a file in a folder must have, e.g. `.json` or `.test.json`. */
  readonly suffix: string;
  /** What the files are, for messages: `rule files`. */
  readonly kind: string;
  /** How a path is named in issues; defaults to the path. */
  readonly displayName?: (path: string) => string;
}

/** An fs error as the words a rule author needs: what is wrong with the path. */
function fsProblem(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file or folder';
    case 'ELOOP':
      return 'a symlink loop (the link leads back to itself)';
    case 'EACCES':
    case 'EPERM':
      return 'not readable (permission denied)';
    case 'EISDIR':
      return 'a folder, where a file is expected';
    default:
      return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** `stat` that follows symlinks, or the sentence saying why the path cannot be used. */
async function statOrProblem(path: string): Promise<Stats | string> {
  try {
    return await stat(path);
  } catch (error) {
    // A symlink whose target is gone: say where it points, or it reads as a missing link.
    const link = await lstat(path).catch(() => undefined);
    if (link?.isSymbolicLink() && error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return `a symlink to a missing file or folder (${await readlink(path)})`;
    }
    return fsProblem(error);
  }
}

/** A folder's entries by name, so which of two links to one file is used does not depend on the disk. */
async function sortedEntries(dir: string): Promise<Dirent[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The files named by `paths`: each file given, and in each folder given the entries whose name ends
 * in `suffix` (subfolders are not read). Symlinks are followed; a file or folder reached twice (by
 * two paths or links) is used once. Every path that cannot be used is an issue, never left out
 * silently: missing, a symlink loop or a dangling link, a folder where a file is expected, a
 * folder with no such files. Files come sorted by path.
 * @internal used by {@link loadPolicy} and the CLI.
 */
export async function listJsonFiles(paths: readonly string[], options: ListJsonFilesOptions): Promise<JsonFileListing> {
  const { suffix, kind, displayName = (path: string) => path } = options;
  const files: FoundJsonFile[] = [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const problem = (path: string, message: string) => {
    issues.push({ file: displayName(path), path: '$', message });
  };
  const addFile = async (path: string) => {
    const real = await realpath(path);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path, name: displayName(path) });
  };
  const addFolder = async (path: string) => {
    const real = await realpath(path);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await sortedEntries(path).catch((error: unknown) => fsProblem(error));
    if (typeof entries === 'string') {
      problem(path, entries);
      return;
    }
    const before = files.length + issues.length;
    for (const entry of entries.filter((e) => e.name.endsWith(suffix))) {
      const entryPath = join(path, entry.name);
      const target = entry.isSymbolicLink() ? await statOrProblem(entryPath) : entry;
      if (typeof target === 'string') problem(entryPath, target);
      else if (target.isFile()) await addFile(entryPath);
      else if (target.isDirectory()) problem(entryPath, `a folder, not one of the ${kind} (subfolders are not read)`);
      else problem(entryPath, 'not a regular file');
    }
    if (files.length + issues.length === before) problem(path, `no ${kind} (*${suffix}) in this folder`);
  };
  for (const path of paths) {
    const found = await statOrProblem(path);
    if (typeof found === 'string') problem(path, found);
    else if (found.isFile()) await addFile(path);
    else if (found.isDirectory()) await addFolder(path);
    else problem(path, 'not a regular file or folder');
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, issues };
}

/**
 * Reads a JSON file strictly: UTF-8 only (a leading byte-order mark is dropped), syntax errors at
 * their line and column, fs errors in words, nesting past {@link MAX_JSON_DEPTH} levels refused at
 * the path where it passes them. A problem is one issue naming `name`.
 * @internal used by {@link loadPolicy} and the CLI.
 */
export async function readJsonFile(
  path: string,
  name = path,
): Promise<{ ok: true; value: unknown } | { ok: false; issue: ValidationIssue }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, issue: { file: name, path: '$', message: fsProblem(error) } };
  }
  const parsed = parseJsonBytes(bytes);
  if (!parsed.ok) return { ok: false, issue: { file: name, path: '$', message: parsed.problem.message } };
  // Rule files, facts and fixtures are all JSON data, which nests at most MAX_JSON_DEPTH levels:
  // refused here, where the path is known, before any recursive check or comparison can overflow.
  const point = deepestPoint(parsed.value);
  if (point.depth > MAX_JSON_DEPTH + 1) {
    return {
      ok: false,
      issue: {
        file: name,
        path: jsonPath(point.path.slice(0, MAX_JSON_DEPTH)),
        message: `nested deeper than ${MAX_JSON_DEPTH} levels of objects and lists`,
      },
    };
  }
  return parsed;
}

/**
 * Reads rule files and builds a policy from them, reporting unreadable paths, malformed JSON and
 * invalid rules together (Node only). See {@link listJsonFiles} for how folders and symlinks are read.
 * @param displayName how a file is named in errors; defaults to its path.
 * @throws PolicyValidationError naming every problem of every file.
 */
export async function loadPolicy(
  paths: readonly string[],
  options: PolicyOptions & { displayName?: (path: string) => string } = {},
): Promise<Policy> {
  const { displayName = (path: string) => path, ...policyOptions } = options;
  const listing = await listJsonFiles(paths, { suffix: '.json', kind: 'rule files', displayName });
  const sources: LoadedRuleFile[] = [];
  const broken: ValidationIssue[] = [...listing.issues];
  for (const file of listing.files) {
    const read = await readJsonFile(file.path, file.name);
    if (read.ok) sources.push({ name: file.name, content: read.value });
    else broken.push(read.issue);
  }
  const issues = [...broken];
  let policy: Policy | undefined;
  // With only broken files there is nothing to validate: the read errors say it all.
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

/**
 * The rule files `paths` name (see {@link listJsonFiles}), sorted by path.
 * @throws PolicyValidationError for each path that cannot be used.
 */
export async function listRuleFiles(paths: readonly string[]): Promise<string[]> {
  const listing = await listJsonFiles(paths, { suffix: '.json', kind: 'rule files' });
  if (listing.issues.length > 0) throw new PolicyValidationError(listing.issues);
  return listing.files.map((file) => file.path);
}

/** Loads every rule file in `dir` into a policy (Node only). */
export async function loadPolicyFromDir(dir: string, options: PolicyOptions = {}): Promise<Policy> {
  return loadPolicy([dir], options);
}
