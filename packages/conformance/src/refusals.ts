import type { Role } from '@raincheck/host-api';
import type { CheckContext } from './check.js';
import { BEARER_ENDPOINTS, callFor, namesPractice, practiceSnapshot, practiceTargets } from './endpoint-calls.js';
import { CheckFailure } from './outcomes.js';
import type { Practice } from './setup.js';
import { expectStatus } from './steps.js';

// Who may not call what, across every bearer endpoint of the contract: the identity checks' one
// loop, driven by each endpoint's `access` roles.

/** Someone calling about the practice's data. */
export interface Caller {
  /** For messages: `another therapist of the practice`. */
  readonly who: string;
  /** Undefined: no Authorization header at all (every call: 401). */
  readonly token: string | undefined;
  /** The caller's role: endpoints whose roles leave it out answer 403. */
  readonly role?: Role;
  /**
   * One of the practice's own people: only the endpoints their role may not call are refused.
   * Otherwise a stranger: anything naming the practice's data is refused (403, or 404, which does
   * not even say it exists), and what they may call shows none of it.
   */
  readonly own?: boolean;
}

const REFUSED = [403, 404] as const;

/**
 * Sends every bearer read (or write, with a valid body) about the practice as `caller` and fails on
 * the first that is not refused; writes are followed by a re-read: nothing may have changed.
 */
export async function expectRefused(
  context: CheckContext,
  practice: Practice,
  kind: 'reads' | 'writes',
  caller: Caller,
): Promise<void> {
  const targets = await practiceTargets(context, practice, { createRequest: practice.fresh });
  const before = kind === 'writes' ? await practiceSnapshot(context, practice, targets) : '';
  const ids = [targets.sessionId, targets.therapistId, targets.requestId].filter(
    (id): id is string => id !== undefined,
  );
  let sent = 0;
  for (const endpoint of BEARER_ENDPOINTS.filter((e) => (e.method === 'GET') === (kind === 'reads'))) {
    const call = callFor(endpoint, targets, caller.token);
    if (!call) continue;
    const roleAllowed = caller.role === undefined || endpoint.roles.includes(caller.role);
    if (caller.token === undefined) {
      expectStatus(await context.probe.send(call), 401, `${caller.who} may not call ${endpoint.id}`);
    } else if (!roleAllowed) {
      expectStatus(
        await context.probe.send(call),
        caller.own ? 403 : REFUSED,
        `${endpoint.id} is for ${endpoint.roles.join(' and ')}, not ${caller.who}`,
      );
    } else if (caller.own) {
      continue;
    } else if (namesPractice(endpoint, call)) {
      expectStatus(
        await context.probe.send(call),
        REFUSED,
        `${caller.who} may not ${kind === 'reads' ? 'read' : 'change'} the practice's data (${endpoint.id})`,
      );
    } else {
      // Theirs to call (their own tenant's rules or queue): it must show none of this practice's data.
      const answer = await context.probe.send(call);
      const shown = ids.filter((id) => answer.text.includes(JSON.stringify(id)));
      if (answer.status < 300 && shown.length > 0)
        throw new CheckFailure(
          `${answer.line}: ${caller.who} was shown the practice's ${shown.map((id) => JSON.stringify(id)).join(', ')} (${endpoint.id}); a caller sees only their own tenant's data`,
        );
    }
    sent++;
  }
  if (sent === 0) throw new CheckFailure(`no ${kind} of the contract were sent as ${caller.who}: nothing was checked`);
  if (kind === 'writes') {
    const after = await practiceSnapshot(context, practice, targets);
    if (after !== before) {
      const changed = after
        .split('\n')
        .filter((line, i) => line !== before.split('\n')[i])
        .map((line) => line.split(':', 1)[0]);
      throw new CheckFailure(
        `${caller.who}'s refused writes changed the practice's data: ${changed.join(', ')} read differently afterwards`,
      );
    }
  }
}
