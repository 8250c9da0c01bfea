import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { allChecks } from './checks/index.js';
import { parseExpectedFailures } from './expected-failures.js';
import { formatJunit } from './report/junit.js';
import { formatTable } from './report/table.js';
import { runConformance } from './run.js';
import { KIT_ROLES, type KitRole } from './types.js';

const USAGE = `Usage: raincheck conformance --base-url URL [--fixtures] [--token-for ROLE=TOKEN … | --token-secret S]
         [--expected-failures FILE] [--junit FILE] [--json] [--only ID-PREFIX …] [--session-id ID] [--therapist-id ID]
       raincheck conformance --list

Checks the host API at URL: contract, idempotency, preconditions, re-decision, identities, offers,
notifications. --fixtures sets the host up through POST URL/_fixtures/scenario (a fresh tenant per
scenario); without it the host holds the documented seed and the kit needs tokens: --token-for
therapist=… (roles: ${KIT_ROLES.join(', ')}) or --token-secret, the HS256 secret to mint them with.
Exit 0 when no failure is unexpected, 1 otherwise, 2 for a command line it does not understand.`;

class UsageError extends Error {}

function tokensFrom(pairs: readonly string[]): Partial<Record<KitRole, string>> {
  const tokens: Partial<Record<KitRole, string>> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const role = pair.slice(0, at);
    if (at < 1 || !(KIT_ROLES as readonly string[]).includes(role) || pair.slice(at + 1) === '') {
      throw new UsageError(
        `--token-for takes ROLE=TOKEN with a role of ${KIT_ROLES.join(', ')}, not ${JSON.stringify(pair.slice(0, 40))}`,
      );
    }
    tokens[role as KitRole] = pair.slice(at + 1);
  }
  return tokens;
}

/**
 * `raincheck conformance …`: runs the kit and prints its report. Resolves to the exit code.
 * @param argv the arguments after `conformance`.
 */
export async function main(
  argv: readonly string[],
  io: { readonly out: (text: string) => void; readonly err: (text: string) => void } = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  },
): Promise<number> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        'base-url': { type: 'string' },
        'token-for': { type: 'string', multiple: true },
        'token-secret': { type: 'string' },
        fixtures: { type: 'boolean' },
        'expected-failures': { type: 'string' },
        junit: { type: 'string' },
        json: { type: 'boolean' },
        only: { type: 'string', multiple: true },
        'session-id': { type: 'string' },
        'therapist-id': { type: 'string' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const checks = allChecks();
    if (values.list) {
      io.out(`${checks.map((c) => `${c.id}\t${c.title}`).join('\n')}\n`);
      return 0;
    }
    const unknown = (values.only ?? []).filter((prefix) => !checks.some((c) => c.id.startsWith(prefix)));
    if (unknown.length > 0)
      throw new UsageError(
        `--only ${unknown.map((p) => JSON.stringify(p)).join(', ')}: no check's id or group starts with it (raincheck conformance --list names them)`,
      );
    const baseUrl = values['base-url'];
    if (!baseUrl) throw new UsageError('--base-url is required');
    if (!/^https?:\/\/[^/]/.test(baseUrl))
      throw new UsageError(`--base-url must be an http(s) URL, not ${JSON.stringify(baseUrl)}`);
    const file = values['expected-failures'];
    const expectedFailures =
      file === undefined
        ? []
        : parseExpectedFailures(
            await readFile(file, 'utf8'),
            file,
            checks.map((c) => c.id),
          );
    const seed = {
      ...(values['session-id'] ? { sessionId: values['session-id'] } : {}),
      ...(values['therapist-id'] ? { therapistId: values['therapist-id'] } : {}),
    };
    const report = await runConformance({
      baseUrl,
      fixtures: values.fixtures === true,
      tokens: tokensFrom(values['token-for'] ?? []),
      ...(values['token-secret'] ? { tokenSecret: values['token-secret'] } : {}),
      seed,
      expectedFailures,
      ...(values.only ? { only: values.only } : {}),
    });
    if (values.junit) await writeFile(values.junit, formatJunit(report));
    io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatTable(report)}\n`);
    return report.ok ? 0 : 1;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(
      `raincheck conformance: ${error instanceof Error ? error.message : String(error)}\n${usage ? `${USAGE}\n` : ''}`,
    );
    return usage ? 2 : 1;
  }
}
