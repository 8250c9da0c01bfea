import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { allChecks } from '../../src/index.js';

// The README's conformance section: it documents every check by id, and its Express example is
// the file the test runs, word for word.

const ROOT = new URL('../../../../', import.meta.url);
const EXAMPLE = new URL('../../examples/express-host.ts', import.meta.url);

async function section(): Promise<string> {
  const readme = await readFile(new URL('README.md', ROOT), 'utf8');
  const start = readme.indexOf('## Conformance kit');
  assert.ok(start >= 0, 'the README has a "Conformance kit" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('the README on the conformance kit', () => {
  it('documents every check by id, in its table', async () => {
    const text = await section();
    const undocumented = allChecks().filter(
      (check) => !new RegExp(`^\\| \`${check.id.replace(/\./g, '\\.')}\` \\|`, 'm').test(text),
    );
    assert.deepEqual(
      undocumented.map((c) => c.id),
      [],
    );
  });

  it('shows the Express example exactly as the file the next test runs', async () => {
    const text = await section();
    const example = await readFile(EXAMPLE, 'utf8');
    assert.ok(
      text.includes(`<!-- example: packages/conformance/examples/express-host.ts -->\n\`\`\`ts\n${example}\`\`\``),
      'the README example differs from examples/express-host.ts',
    );
  });

  it("the partner's Express host in the example passes the kit", async () => {
    const { code, out } = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', EXAMPLE.pathname],
        {
          cwd: new URL('../../', import.meta.url).pathname,
          env: { ...process.env, RAINCHECK_TOKEN_SECRET: 'a-secret-of-the-partner-at-least-32-bytes' },
        },
        (error, stdout, stderr) => {
          const exit = (error as { code?: unknown } | null)?.code;
          resolve({ code: error ? (typeof exit === 'number' ? exit : 1) : 0, out: `${stdout}${stderr}` });
        },
      );
    });
    assert.equal(code, 0, out);
    assert.match(out, /^raincheck conformance: http:\/\/127\.0\.0\.1:\d+\/raincheck \(fixtures\)$/m);
    assert.match(out, /^\d+ passed, 0 failed, \d+ skipped$/m);
    assert.match(out, /^ {2}PASS {3}idempotency\.replay/m);
  });
});
