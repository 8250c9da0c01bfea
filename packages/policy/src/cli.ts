import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { FactsValidationError, PolicyValidationError } from './errors.js';
import type { Facts } from './facts-schema.js';
import { runFixtures } from './fixtures.js';
import { formatDecision } from './format-decision.js';
import { ruleFileJsonSchema } from './json-schema.js';
import { loadPolicy } from './node.js';

const USAGE = `Usage: raincheck <command>

  validate <dir|files…>            check rule files; problems as file:path: message (exit 1)
  test <dir> [--fixtures <dir>]    run <dir>/tests/*.test.json against the rules in <dir> (exit 1 on failure)
  explain --facts <f.json> <dir|files…> [--json]
                                   the decision for these facts, and why
  schema                           print the JSON Schema of a rule file`;

const display = (path: string) => relative(process.cwd(), path) || path;

const loadRules = (paths: string[]) => loadPolicy(paths, { displayName: display });

async function validate(paths: string[]): Promise<number> {
  if (paths.length === 0) throw new UsageError('validate needs a folder or rule files');
  const policy = await loadRules(paths);
  console.log(`${policy.files.length} rule file(s), ${policy.rules.length} rules: valid (hash ${policy.hash})`);
  return 0;
}

async function test(dir: string | undefined, fixturesDir: string | undefined): Promise<number> {
  if (!dir) throw new UsageError('test needs the rules folder');
  const policy = await loadRules([dir]);
  const folder = fixturesDir ?? join(dir, 'tests');
  const names = (await readdir(folder)).filter((n) => n.endsWith('.test.json')).sort();
  const files: Record<string, unknown> = {};
  for (const name of names) {
    const path = join(folder, name);
    try {
      files[display(path)] = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new PolicyValidationError([{ file: display(path), path: '$', message: `not valid JSON: ${(error as Error).message}` }]);
    }
  }
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
  const facts = JSON.parse(await readFile(factsFile, 'utf8')) as Facts;
  const decision = await policy.evaluate(facts);
  console.log(json ? JSON.stringify(decision, null, 2) : formatDecision(decision));
  return 0;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { facts: { type: 'string' }, fixtures: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'validate':
      return validate(rest);
    case 'test':
      return test(rest[0], values.fixtures);
    case 'explain':
      return explain(rest, values.facts, values.json === true);
    case 'schema':
      console.log(JSON.stringify(ruleFileJsonSchema(), null, 2));
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof PolicyValidationError || error instanceof FactsValidationError) {
      for (const issue of error.issues) console.error(`${issue.file}:${issue.path}: ${issue.message}`);
      process.exitCode = 1;
    } else if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`raincheck: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      console.error(`raincheck: ${error.message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  },
);
