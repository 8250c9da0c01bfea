import type { Decision } from './decision.js';

/** One way two decisions for the same facts differ. */
export interface DecisionChange {
  /** The part of the decision: `outcome`, `notify`, `refund`, `warnings` … */
  readonly field: string;
  /** That part before and after, in a few words (`email, sms within 0 min`, `none`). */
  readonly before: string;
  readonly after: string;
}

type Summaries = Record<string, string>;

const list = (items: readonly string[]) => (items.length ? items.join('; ') : 'none');

/** What a person compares: the effects, not the sentences, rule ids or policy hash. */
function summarize(d: Decision): Summaries {
  return {
    outcome: d.outcome,
    notify: d.notify
      ? `${d.notify.channels.join(', ')} within ${d.notify.withinMinutes} min${d.notify.followUp ? `, follow up after ${d.notify.followUp.afterHours} h` : ''}`
      : 'none',
    alternatives: d.alternatives
      ? `at least ${d.alternatives.minSlots}${d.alternatives.maxSlots === undefined ? '' : `, at most ${d.alternatives.maxSlots}`} within ${d.alternatives.withinDays} days`
      : 'none',
    refund: d.refund ? `${d.refund.percent}% (${d.refund.amount} ${d.refund.currency}), ${d.refund.mode}` : 'none',
    team: list(d.team.map((t) => t.reason)),
    requirements: list(d.requirements.map((r) => `${r.kind} ≥ ${r.minLength}`)),
    warnings: list(d.warnings.map((w) => `${w.code} ${w.level} (${w.count}/${w.threshold} in ${w.windowDays} days)`)),
    recommendations: list(d.recommendations.map((r) => r.kind + (r.until ? ` until ${r.until}` : ''))),
    blocks: list(d.blocks.map((b) => b.reason)),
  };
}

/**
 * How `after` differs from `before` (two rule sets deciding the same facts), one entry per changed
 * part of the decision, in the decision's own order. Empty when they decide alike.
 */
export function diffDecisions(before: Decision, after: Decision): DecisionChange[] {
  const a = summarize(before);
  const b = summarize(after);
  return Object.keys(a)
    .filter((field) => a[field] !== b[field])
    .map((field) => ({ field, before: a[field]!, after: b[field]! }));
}
