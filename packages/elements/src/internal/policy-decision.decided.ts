import { msg, str } from '@lit/localize';
import type { DecisionShown, EndpointResponse } from '@raincheck/host-api/client';
import type { Decision, Facts, Policy } from '@raincheck/policy';
import type { RulesSource } from '../config/config.js';
import type { LoadedFacts, PolicyDecisionOptions, RulesAnswer, ViewsModule } from '../controllers/policy-decision.js';
import { adoptSheet } from './adopt-sheet.js';
import { passing, RulesUrlError, type RulesRead } from './rules-url.js';
import { warmFormatters } from './warm-formatters.decided.js';
import { yieldToMain } from './yield-to-main.js';

// What PolicyDecision does once its decided-phase module is there: every views module re-exports
// this, so deciding, and what only the decided form reads of a decision, stay out of the first load.

/**
 * What a decided-phase module does as it arrives, each step a task of its own rather than the one
 * that evaluated the module: its styles join `host`'s (before the first decided render, which awaits
 * the same module, then yields more than once before rendering), then what the form would make on
 * its first render is made (`warmViews`).
 */
export async function settleViews(views: ViewsModule, host: unknown, locale: string): Promise<void> {
  await yieldToMain();
  adoptSheet(host, views.decidedStyles);
  await yieldToMain();
  await views.warmViews?.(locale, host);
}

/**
 * One decision: the facts with what was entered, evaluated, then (before the form's first render)
 * the formatters it will use; each step a task of its own, abandoned once `signal` aborts.
 * `first`: no decision has been shown yet.
 */
export async function decideOnce<Views extends ViewsModule>(
  options: PolicyDecisionOptions<Views>,
  policy: Policy,
  views: Views,
  loaded: LoadedFacts | undefined,
  first: () => boolean,
  signal: AbortSignal,
): Promise<{ decision: Decision; facts: Facts; views: Views }> {
  if (!loaded) throw new Error('PolicyDecision: decide() before the facts were loaded');
  const nextTask = async () => {
    await yieldToMain();
    signal.throwIfAborted();
  };
  // Each step a task of its own: building the policy, deciding, then rendering what was decided.
  await nextTask();
  options.prepare?.(policy, views, loaded);
  const facts: Facts = {
    ...loaded,
    action: options.action,
    now: new Date().toISOString(),
    request: options.requestFacts(),
  };
  // Its steps (the facts checked, the engine's run, the explanations) each a task of its own too.
  const decision = await policy.evaluate(facts, { between: nextTask });
  await nextTask();
  // Before the form's first render, the formatters it will use, in tasks of their own.
  const locale = options.formatLocale?.();
  if (locale && first() && (await warmFormatters(locale, loaded))) await nextTask();
  return { decision, facts, views };
}

/**
 * The policy with the rules `source` gave: inline, the host's `answer` (with its id and version),
 * or what a `rules-url` answered.
 */
export async function rulesPolicy(views: ViewsModule, source: RulesSource, answer: RulesAnswer): Promise<Policy> {
  if (source.from === 'inline') return views.policyFromRules(source.files, source.hash, {});
  if (source.from === 'host') {
    const { id, version, files, hash } = answer as EndpointResponse<'getRules'>;
    return views.policyFromRules(files, hash, { id, version });
  }
  const { files, hash } = readRules(answer as RulesRead);
  return views.policyFromRules(files, hash, {});
}

/**
 * The rule files a `rules-url` answered (`{ files, hash? }`, or the files object alone).
 * @throws RulesUrlError when it gave no rule files.
 */
function readRules(read: RulesRead): { files: Readonly<Record<string, unknown>>; hash: string | undefined } {
  const { url } = read;
  if ('status' in read) throw new RulesUrlError(url, passing(read.status) ? 'failed' : 'refused', read.status);
  // Reached or not, the whole answer did not come (in time: a stalled body, a slow server).
  if ('cause' in read)
    throw new RulesUrlError(url, read.timedOut ? 'timeout' : 'unreachable', undefined, { cause: read.cause });
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    throw new RulesUrlError(url, 'not-rules', undefined, { cause: error });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new RulesUrlError(url, 'not-rules');
  const document = json as { files?: Record<string, unknown>; hash?: unknown } & Record<string, unknown>;
  // A hash counts only beside `files`: alone, the document is the files object itself.
  const hash = document.files && typeof document.hash === 'string' ? document.hash : undefined;
  return { files: document.files ?? document, hash };
}

/** The minimum length of a written reason, 0 when none is required. */
export function noteMinLength(decision: Decision | undefined): number {
  return decision?.requirements.find((r) => r.kind === 'written-reason')?.minLength ?? 0;
}

/** The sentence asking for a longer written reason, if `note` is too short for the policy. */
export function noteShortfall(decision: Decision | undefined, note: string): string[] {
  const minLength = noteMinLength(decision);
  return note.trim().length < minLength
    ? [msg(str`Write a reason of at least ${minLength} characters.`, { id: 'rc.cancel.missing-note' })]
    : [];
}

/** What the widget showed, as the host records it beside the write. */
export function shownDecision(decision: Decision): DecisionShown {
  return {
    policyId: decision.policy.id,
    policyVersion: decision.policy.version,
    policyHash: decision.policy.hash,
    outcome: decision.outcome,
  };
}
