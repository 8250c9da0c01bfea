import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FactsValidationError, PolicyValidationError, type ValidationIssue } from './errors.js';
import type { Decision } from './decision.js';
import type { Facts } from './facts-schema.js';
import { checkFixtureFiles, runFixtures } from './fixtures.js';
import { formatDecision } from './format-decision.js';
import { ruleFileJsonSchema } from './json-schema.js';
import { listJsonFiles, loadPolicy, readJsonFile } from './node.js';

const USAGE = `Usage: raincheck <command>

  validate <dir|files…>            check rule files; problems as file:path: message (exit 1)
  test <dir> [--fixtures <dir>]    run <dir>/tests/*.test.json against the rules in <dir> (exit 1 on failure)
  explain --facts <f.json> <dir|files…> [--json]
                                   the decision for these facts, and why
  schema                           print the JSON Schema of a rule file
  conformance --base-url URL …     check a host against the host API (@raincheck/conformance)

Errors go to stderr, one line each: file:path: message. Exit 0 when all is well, 1 for invalid
input or a failing fixture, 2 for a command line raincheck does not understand.`;

const USAGE_LINE =
  'usage: raincheck validate <dir|files…> | test <dir> [--fixtures <dir>] | explain --facts <f.json> <dir|files…> [--json] | schema (raincheck --help for more)';

/** The command line is wrong: exit 2 with the usage line. */
class UsageError extends Error {}

/** Input files that cannot be used, one issue each (exit 1). */
class InputError extends Error {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.map((i) => `${i.file}:${i.path}: ${i.message}`).join('\n'));
  }
}

/**
 * A path as messages name it: relative to the working folder when inside it, else absolute; in
 * JSON quotes when it holds a control character (a newline in a file name must not split a line).
 */
function display(path: string): string {
  const fromHere = relative(process.cwd(), path);
  const shown = fromHere === '' ? path : fromHere.startsWith('..') || isAbsolute(fromHere) ? resolve(path) : fromHere;
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  return /[\u0000-\u001f\u007f]/.test(shown) ? JSON.stringify(shown) : shown;
}

const loadRules = (paths: string[]) => loadPolicy(paths, { displayName: display });

/** Refuses a path that is a file where a folder is expected (a missing path is left to the reader, which names it). */
async function expectFolder(path: string, what: string): Promise<void> {
  const found = await stat(path).catch(() => undefined);
  if (found && !found.isDirectory())
    throw new InputError([{ file: display(path), path: '$', message: `not a folder, where ${what} is expected` }]);
}

async function validate(paths: string[]): Promise<number> {
  if (paths.length === 0) throw new UsageError('validate needs a folder or rule files');
  const policy = await loadRules(paths);
  console.log(`${policy.files.length} rule file(s), ${policy.rules.length} rules: valid (hash ${policy.hash})`);
  return 0;
}

async function test(paths: string[], fixturesDir: string | undefined): Promise<number> {
  const [dir, ...extra] = paths;
  if (!dir || extra.length > 0) throw new UsageError('test needs the rules folder, and only that');
  await expectFolder(dir, 'the rules folder');
  const folder = fixturesDir ?? join(dir, 'tests');
  await expectFolder(folder, 'a fixtures folder');
  const policy = await loadRules([dir]);
  const listing = await listJsonFiles([folder], { suffix: '.test.json', kind: 'fixture files', displayName: display });
  const issues = [...listing.issues];
  const files: Record<string, unknown> = {};
  for (const file of listing.files) {
    const read = await readJsonFile(file.path, file.name);
    if (read.ok) files[file.name] = read.value;
    else issues.push(read.issue);
  }
  // Files that cannot be read and files that do not fit the fixture schema, all in one report.
  issues.push(...checkFixtureFiles(files).issues);
  if (issues.length > 0) throw new InputError(issues);
  const report = await runFixtures(policy, files);
  for (const result of report.results) {
    console.log(`${result.passed ? 'ok  ' : 'FAIL'} ${result.file} › ${result.name}`);
    for (const failure of result.failures) console.log(`       ${failure}`);
  }
  for (const id of report.neverFired) console.log(`uncovered: no fixture makes rule "${id}" fire`);
  for (const id of report.alwaysFired) console.log(`uncovered: no fixture shows rule "${id}" not firing`);
  console.log(`${report.passed} passed, ${report.failed} failed`);
  return report.failed > 0 || report.results.length === 0 ? 1 : 0;
}

async function explain(paths: string[], factsFile: string | undefined, json: boolean): Promise<number> {
  if (!factsFile || paths.length === 0) throw new UsageError('explain needs --facts <file> and the rules');
  const policy = await loadRules(paths);
  const name = display(factsFile);
  const read = await readJsonFile(factsFile, name);
  if (!read.ok) throw new InputError([read.issue]);
  let decision: Decision;
  try {
    decision = await policy.evaluate(read.value as Facts);
  } catch (error) {
    // The facts' problems are the facts file's: name it rather than the generic "facts".
    if (error instanceof FactsValidationError)
      throw new InputError(error.issues.map((issue) => ({ ...issue, file: name })));
    throw new InputError([{ file: name, path: '$', message: `these facts could not be decided: ${oneLine(error)}` }]);
  }
  console.log(json ? JSON.stringify(decision, null, 2) : formatDecision(decision));
  return 0;
}

/** Which options each command takes; any other is a usage error rather than silently ignored. */
const COMMAND_OPTIONS = new Map<string, readonly string[]>([
  ['validate', []],
  ['test', ['fixtures']],
  ['explain', ['facts', 'json']],
  ['schema', []],
]);

/**
 * `raincheck conformance …` is @raincheck/conformance's (it depends on this package, so it is
 * loaded by name when installed, not imported).
 */
async function conformance(argv: string[]): Promise<number> {
  const name = '@raincheck/conformance/cli';
  let kit: { main: (args: readonly string[]) => Promise<number> };
  try {
    kit = (await import(name)) as typeof kit;
  } catch (error) {
    // Only the package itself missing means "install it"; anything else (one of its own imports,
    // a broken build) is shown as it is, or the partner would reinstall in vain.
    const missing =
      (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' &&
      error instanceof Error &&
      error.message.includes("'@raincheck/conformance'");
    if (missing)
      throw new UsageError(
        'conformance needs @raincheck/conformance installed (npm install -D @raincheck/conformance)',
      );
    throw new Error(`@raincheck/conformance is installed but could not be loaded: ${oneLine(error)}`, { cause: error });
  }
  return kit.main(argv);
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'conformance') return conformance(argv.slice(1));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      facts: { type: 'string' },
      fixtures: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  // A Map, so a command named like an Object.prototype member ("constructor") is just unknown.
  const allowed = COMMAND_OPTIONS.get(command);
  if (!allowed) throw new UsageError(`unknown command "${command}"`);
  const stray = Object.keys(values).find((option) => option !== 'help' && !allowed.includes(option));
  if (stray) throw new UsageError(`${command} takes no --${stray} option`);
  switch (command) {
    case 'validate':
      return validate(rest);
    case 'test':
      return test(rest, values.fixtures);
    case 'explain':
      return explain(rest, values.facts, values.json === true);
    default:
      if (rest.length > 0) throw new UsageError(`schema takes no arguments (got "${rest.join(' ')}")`);
      console.log(JSON.stringify(ruleFileJsonSchema(), null, 2));
      return 0;
  }
}

/** An error's message on one line: the first line of it. */
function oneLine(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.split('\n', 1)[0] ?? text;
}

const isParseArgsError = (error: unknown): error is TypeError =>
  error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');

/** Every failure ends here: one line per problem on stderr and an exit code, never a stack trace. */
function report(error: unknown): number {
  if (error instanceof PolicyValidationError || error instanceof FactsValidationError || error instanceof InputError) {
    for (const issue of error.issues) console.error(`${issue.file}:${issue.path}: ${issue.message}`);
    return 1;
  }
  if (error instanceof UsageError) {
    console.error(`raincheck: ${error.message}\n${USAGE_LINE}`);
    return 2;
  }
  if (isParseArgsError(error)) {
    // parseArgs adds a hint about "--" after its first sentence; the usage line says enough.
    console.error(`raincheck: ${error.message.split(/(?<=\.) /, 1)[0] ?? error.message}\n${USAGE_LINE}`);
    return 2;
  }
  console.error(`raincheck: ${oneLine(error)}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error);
  },
);
