import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cancelFacts, repoRoot, rulesDir } from './helpers.js';

const bin = join(repoRoot, 'packages/policy/bin/raincheck.js');

function raincheck(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'raincheck-cli-'));
}

function copyOfRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'raincheck-rules-'));
  cpSync(rulesDir, dir, { recursive: true });
  return dir;
}

describe('raincheck CLI', () => {
  it('validate: a valid folder exits 0', () => {
    const { code, out } = raincheck('validate', 'rules');
    assert.equal(code, 0);
    assert.match(out, /5 rule file\(s\), \d+ rules: valid/);
  });

  it('validate: errors as file:path: message, exit 1', () => {
    const dir = copyOfRules();
    const file = join(dir, 'visibility.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.rules[1].conditions.all[1].operator = 'atLeast';
    writeFileSync(file, JSON.stringify(json));
    writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    const { code, err } = raincheck('validate', dir);
    assert.equal(code, 1);
    assert.match(
      err,
      new RegExp(
        `${file.replace(/[/.]/g, '\\$&')}:\\$\\.rules\\[1\\]\\.conditions\\.all\\[1\\]\\.operator: expected "equal"`,
      ),
    );
    assert.match(err, /broken\.json:\$: not valid JSON/);
  });

  it('test: runs the fixtures and prints the closing count', () => {
    const { code, out } = raincheck('test', 'rules');
    assert.equal(code, 0, out);
    assert.match(out, /^\d+ passed, 0 failed$/m);
    assert.doesNotMatch(out, /uncovered/);
  });

  it('test: a failing case exits 1 and says why; rules no fixture fires are named', () => {
    const dir = copyOfRules();
    const fixture = join(dir, 'tests', 'notification-timing.test.json');
    const json = JSON.parse(readFileSync(fixture, 'utf8'));
    json.cases[0].expect.notify.withinMinutes = 15;
    writeFileSync(fixture, JSON.stringify(json));
    const visibility = join(dir, 'tests', 'visibility.test.json');
    writeFileSync(
      visibility,
      JSON.stringify({
        ...JSON.parse(readFileSync(visibility, 'utf8')),
        cases: [{ name: 'only', facts: {}, expect: {} }],
      }),
    );
    const { code, out } = raincheck('test', dir);
    assert.equal(code, 1);
    assert.match(out, /FAIL .*notification-timing\.test\.json › a cancellation 9 days ahead/);
    assert.match(out, /decision\.notify\.withinMinutes: expected 15, got 0/);
    assert.match(out, /uncovered: no fixture makes rule "hide-profile-when-unsure" fire/);
    assert.match(out, /^\d+ passed, 1 failed$/m);
  });

  it('explain: the decision and why, readable; --json gives the decision object', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raincheck-facts-'));
    const facts = join(dir, 'facts.json');
    writeFileSync(
      facts,
      JSON.stringify({
        action: 'cancel',
        now: '2027-06-10T08:00:00+01:00',
        session: {
          id: 's',
          startsAt: '2027-06-10T10:00:00+01:00',
          endsAt: '2027-06-10T10:50:00+01:00',
          timeZone: 'Europe/London',
          status: 'scheduled',
          price: { amount: 6000, currency: 'GBP' },
        },
        client: { id: 'c', isNew: true, attendedSessions: 0 },
        therapist: { id: 't', profileVisible: true },
      }),
    );
    const text = raincheck('explain', '--facts', facts, 'rules');
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /Action cancel at .*: ALLOWED/);
    assert.match(text.out, /notify the client by email, sms, phone within 0 minutes/);
    assert.match(text.out, /refund 100% \(60\.00 GBP\), reviewed by the team/);
    assert.match(text.out, /✔ hoursUntilStart lessThanInclusive 4 \(actual 2\)/);
    const json = raincheck('explain', '--json', '--facts', facts, 'rules');
    assert.equal(JSON.parse(json.out).refund.mode, 'team-review');
    writeFileSync(facts, JSON.stringify({ action: 'cancel' }));
    const bad = raincheck('explain', '--facts', facts, 'rules');
    assert.equal(bad.code, 1);
    assert.match(bad.err, new RegExp(`^${escape(facts)}:\\$\\.now: required`, 'm'));
  });

  it('schema: prints the rule-file JSON Schema; unknown commands exit 2 with usage', () => {
    const schema = JSON.parse(raincheck('schema').out);
    assert.equal(schema.title, 'Raincheck rule file');
    const unknown = raincheck('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command "frobnicate"/);
  });
});

/**
 * Runs the CLI expecting it to fail: the exit code, and stderr as its lines, each of which must be
 * an error line (never a stack trace); stdout must stay empty.
 */
function fails(code: number, ...args: string[]): string[] {
  const result = raincheck(...args);
  assert.equal(result.code, code, `exit ${result.code}\n${result.out}\n${result.err}`);
  assert.doesNotMatch(result.err, /^\s+at |Error:|node:internal/m, 'no stack trace');
  assert.equal(result.out, '');
  return result.err.trimEnd().split('\n');
}

/** A rule file whose one rule nests its condition `depth` levels of `all` deep. */
function deeplyNestedRuleFile(depth: number): string {
  const leaf = '{"fact":"action","operator":"equal","value":"cancel"}';
  const conditions = '{"all":['.repeat(depth) + leaf + ']}'.repeat(depth);
  const event = '{"type":"notify-client","params":{"channels":["email"],"withinMinutes":0}}';
  return `{"id":"deep","version":"1.0.0","description":"Deep.","rules":[{"id":"deep-rule","description":"Deep.","conditions":${conditions},"event":${event}}]}`;
}

const visibilityFile = join(rulesDir, 'visibility.json');

describe('raincheck CLI: every error is one line naming file and path, exit 1', () => {
  it('malformed JSON names the line and column', () => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, '{\n  "id": "x",\n  "version": 1,,\n}');
    assert.deepEqual(fails(1, 'validate', file), [
      `${file}:$: not valid JSON at line 3, column 16: expected a property name in double quotes, got ","`,
    ]);
  });

  it('a folder with no rule files, a missing path', () => {
    const dir = tempDir();
    assert.deepEqual(fails(1, 'validate', dir), [`${dir}:$: no rule files (*.json) in this folder`]);
    assert.deepEqual(fails(1, 'validate', join(dir, 'nope')), [`${join(dir, 'nope')}:$: no such file or folder`]);
    writeFileSync(join(dir, 'visibility.json'), readFileSync(visibilityFile));
    assert.deepEqual(fails(1, 'test', dir), [`${join(dir, 'tests')}:$: no such file or folder`]);
  });

  it('a folder where a file is expected, and a file where a folder is', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'rules.json'));
    writeFileSync(join(dir, 'visibility.json'), readFileSync(visibilityFile));
    assert.deepEqual(fails(1, 'validate', dir), [
      `${join(dir, 'rules.json')}:$: a folder, not one of the rule files (subfolders are not read)`,
    ]);
    assert.deepEqual(fails(1, 'explain', '--facts', join(dir, 'rules.json'), 'rules'), [
      `${join(dir, 'rules.json')}:$: a folder, where a file is expected`,
    ]);
    // Paths inside the working folder are named relative to it.
    assert.deepEqual(fails(1, 'test', 'rules/visibility.json'), [
      'rules/visibility.json:$: not a folder, where the rules folder is expected',
    ]);
    assert.deepEqual(fails(1, 'test', 'rules', '--fixtures', visibilityFile), [
      'rules/visibility.json:$: not a folder, where a fixtures folder is expected',
    ]);
  });

  it('a symlink loop, as the argument or inside the folder', () => {
    const dir = tempDir();
    symlinkSync('loop', join(dir, 'loop'));
    assert.deepEqual(fails(1, 'validate', join(dir, 'loop')), [
      `${join(dir, 'loop')}:$: a symlink loop (the link leads back to itself)`,
    ]);
    const rules = join(dir, 'rules');
    mkdirSync(rules);
    symlinkSync('b.json', join(rules, 'a.json'));
    symlinkSync('a.json', join(rules, 'b.json'));
    symlinkSync('.', join(rules, 'self'));
    assert.deepEqual(fails(1, 'validate', rules), [
      `${join(rules, 'a.json')}:$: a symlink loop (the link leads back to itself)`,
      `${join(rules, 'b.json')}:$: a symlink loop (the link leads back to itself)`,
    ]);
  });

  it('a symlinked rule file is loaded, once; a dangling one is reported', () => {
    const dir = tempDir();
    symlinkSync(visibilityFile, join(dir, 'visibility.json'));
    symlinkSync('visibility.json', join(dir, 'same-file.json'));
    const linked = raincheck('validate', dir);
    assert.equal(linked.code, 0, linked.err);
    assert.match(linked.out, /^1 rule file\(s\), 4 rules: valid/);
    const folderLink = join(tempDir(), 'rules');
    symlinkSync(rulesDir, folderLink);
    const viaLink = raincheck('validate', folderLink, 'rules');
    assert.equal(viaLink.code, 0, viaLink.err);
    assert.match(viaLink.out, /^5 rule file\(s\)/);
    symlinkSync(join(dir, 'gone.json'), join(dir, 'dangling.json'));
    assert.deepEqual(fails(1, 'validate', dir), [
      `${join(dir, 'dangling.json')}:$: a symlink to a missing file or folder (${join(dir, 'gone.json')})`,
    ]);
  });

  for (const depth of [1_500, 100_000]) {
    it(`conditions nested ${depth.toLocaleString('en')} deep: one line naming the file and the rule's conditions`, () => {
      const file = join(tempDir(), 'deep.json');
      writeFileSync(file, deeplyNestedRuleFile(depth));
      const [line, ...more] = fails(1, 'validate', file);
      assert.match(line ?? '', new RegExp(`^${escape(file)}:\\$\\.rules\\[0\\]\\.conditions\\S*: `));
      assert.deepEqual(more, []);
    });
  }

  it('a file that is not UTF-8 is refused where its first bad byte is; a byte-order mark is dropped', () => {
    const dir = tempDir();
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.concat([Buffer.from('{\n  "id": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]));
    assert.deepEqual(fails(1, 'validate', latin1), [
      `${latin1}:$: not UTF-8 text: byte 0xE9 at line 2, column 13 (save the file as UTF-8)`,
    ]);
    const bom = join(dir, 'visibility.json');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(visibilityFile)]));
    const withBom = raincheck('validate', bom);
    assert.equal(withBom.code, 0, withBom.err);
    const facts = join(dir, 'facts.json');
    writeFileSync(facts, `\uFEFF${JSON.stringify(cancelFacts())}`);
    const explained = raincheck('explain', '--facts', facts, 'rules');
    assert.equal(explained.code, 0, explained.err);
    assert.match(explained.out, /Action cancel at /);
  });

  it('explain: facts that are not JSON, and each facts issue on its own line naming the facts file', () => {
    const dir = tempDir();
    const facts = join(dir, 'facts.json');
    writeFileSync(facts, '{"action": "cancel",');
    assert.deepEqual(fails(1, 'explain', '--facts', facts, 'rules'), [
      `${facts}:$: not valid JSON at line 1, column 21: expected a property name in double quotes, got the end of the file`,
    ]);
    writeFileSync(facts, JSON.stringify({ ...cancelFacts(), client: { id: 'c', isNew: 'yes' } }));
    const lines = fails(1, 'explain', '--facts', facts, 'rules');
    assert.ok(lines.length >= 2, lines.join('\n'));
    for (const line of lines) assert.match(line, new RegExp(`^${escape(facts)}:\\$\\.client\\.\\w+: `));
  });

  it('test: every broken fixture file at once; a case that cannot be decided fails, it does not crash', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.test.json'), JSON.stringify({ description: 'No cases.' }));
    writeFileSync(join(dir, 'b.test.json'), '{"description": "x", "cases": [\n  {"name": "x",}\n]}');
    symlinkSync(join(dir, 'gone.test.json'), join(dir, 'c.test.json'));
    assert.deepEqual(fails(1, 'test', 'rules', '--fixtures', dir).sort(), [
      `${join(dir, 'a.test.json')}:$.cases: required: expected array`,
      `${join(dir, 'b.test.json')}:$: not valid JSON at line 2, column 16: expected a property name in double quotes, got "}"`,
      `${join(dir, 'c.test.json')}:$: a symlink to a missing file or folder (${join(dir, 'gone.test.json')})`,
    ]);
    const undecidable = tempDir();
    const facts = { ...cancelFacts(), now: '2027-06-01T09:00:00+24:00' };
    writeFileSync(
      join(undecidable, 'offset.test.json'),
      JSON.stringify({ description: 'Bad offset.', cases: [{ name: 'an offset of 24 hours', facts, expect: {} }] }),
    );
    const result = raincheck('test', 'rules', '--fixtures', undecidable);
    assert.equal(result.code, 1);
    assert.equal(result.err, '');
    assert.match(result.out, /^FAIL .*offset\.test\.json › an offset of 24 hours$/m);
    assert.match(result.out, /^0 passed, 1 failed$/m);
  });
});

describe('raincheck CLI: command-line mistakes exit 2 with the usage line', () => {
  const usage = /^usage: raincheck validate /;
  it('unknown options and commands, options and arguments a command does not take', () => {
    for (const [args, message] of [
      [['validate', '--bogus', 'rules'], "raincheck: Unknown option '--bogus'."],
      [['frobnicate'], 'raincheck: unknown command "frobnicate"'],
      [['constructor'], 'raincheck: unknown command "constructor"'],
      [['validate', '--json', 'rules'], 'raincheck: validate takes no --json option'],
      [['schema', 'extra'], 'raincheck: schema takes no arguments (got "extra")'],
      [['test', 'rules', 'more'], 'raincheck: test needs the rules folder, and only that'],
    ] as const) {
      const [line, usageLine, ...more] = fails(2, ...args);
      assert.equal(line, message);
      assert.match(usageLine ?? '', usage);
      assert.deepEqual(more, []);
    }
  });

  it('no command: the usage on stderr, exit 2; --help: on stdout, exit 0', () => {
    assert.match(fails(2).join('\n'), /^Usage: raincheck <command>/);
    const help = raincheck('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: raincheck <command>/);
  });
});

describe('raincheck CLI: JSON nested too deep for any check', () => {
  /** `{"a":{"a":…}}`, `levels` objects deep, as text (JSON.parse copes; recursive checks would not). */
  const nestedText = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  const deepPath = `$${'.a'.repeat(100)}`;

  it('a fixture whose expectation nests 100,000 levels: one line naming the file and the path where it passes 100', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'deep.test.json'),
      `{"description":"Deep.","cases":[{"name":"deep","facts":{},"expect":{"refund":${nestedText(100_000)}}}]}`,
    );
    assert.deepEqual(fails(1, 'test', 'rules', '--fixtures', dir), [
      `${join(dir, 'deep.test.json')}:$.cases[0].expect.refund${'.a'.repeat(96)}: nested deeper than 100 levels of objects and lists`,
    ]);
  });

  it('facts nested 100,000 levels for explain: one line naming the facts file and the path', () => {
    const facts = join(tempDir(), 'facts.json');
    writeFileSync(facts, nestedText(100_000));
    assert.deepEqual(fails(1, 'explain', '--facts', facts, 'rules'), [
      `${facts}:${deepPath}: nested deeper than 100 levels of objects and lists`,
    ]);
  });
});

describe('raincheck CLI: names that would break a line', () => {
  it('a file name with a newline is quoted, so its error stays one line', () => {
    const dir = tempDir();
    const file = join(dir, 'bad\nname.json');
    writeFileSync(file, '{');
    assert.deepEqual(fails(1, 'validate', file), [
      `${JSON.stringify(file)}:$: not valid JSON at line 1, column 2: expected a property name in double quotes or "}", got the end of the file`,
    ]);
  });
});

describe('raincheck CLI: fixture files say what is wrong in words', () => {
  it('no cases and a case without a name: the expectation in words, not "Invalid input"', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.test.json'), JSON.stringify({ description: 'No cases.', cases: [] }));
    writeFileSync(
      join(dir, 'b.test.json'),
      JSON.stringify({ description: 'Unnamed.', cases: [{ name: '', facts: {}, expect: {} }] }),
    );
    assert.deepEqual(fails(1, 'test', 'rules', '--fixtures', dir).sort(), [
      `${join(dir, 'a.test.json')}:$.cases: expected at least 1 item`,
      `${join(dir, 'b.test.json')}:$.cases[0].name: expected a non-empty string`,
    ]);
  });
});

describe('raincheck conformance: the hand-off to @raincheck/conformance', () => {
  /** Runs `raincheck conformance --list` with `@raincheck/conformance/cli` resolved by `hook` (a resolve hook's body). */
  function handOff(hook: string): { code: number | null; err: string } {
    const hooks = `export async function resolve(specifier, context, next) { if (specifier === '@raincheck/conformance/cli') { ${hook} } return next(specifier, context); }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const result = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(register)}`, bin, 'conformance', '--list'],
      { encoding: 'utf8', cwd: repoRoot },
    );
    return { code: result.status, err: result.stderr };
  }

  it('the kit not installed: exit 2, saying to install it', () => {
    // Resolved from a folder with no node_modules: Node's own "Cannot find package" error.
    const { code, err } = handOff(
      `return next(specifier, { ...context, parentURL: ${JSON.stringify(`file://${tempDir()}/cli.js`)} });`,
    );
    assert.equal(code, 2);
    assert.match(
      err,
      /^raincheck: conformance needs @raincheck\/conformance installed \(npm install -D @raincheck\/conformance\)/,
    );
  });

  it('the kit installed but failing to load (a dependency of its own missing): exit 1 with that error, not "install it"', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cli.js'), "import '@raincheck/no-such-dependency';\nexport const main = () => 0;\n");
    const { code, err } = handOff(`return { url: ${JSON.stringify(`file://${dir}/cli.js`)}, shortCircuit: true };`);
    assert.equal(code, 1);
    assert.match(
      err,
      /^raincheck: @raincheck\/conformance is installed but could not be loaded: Cannot find package '@raincheck\/no-such-dependency'/,
    );
    assert.doesNotMatch(err, /needs @raincheck\/conformance installed/);
  });
});
