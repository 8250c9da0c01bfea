import type { Decision } from './decision.js';

/** One effect of a decision in a few words, with the rules it came from. */
export interface EffectLine {
  /** The part of the decision: `notify`, `refund`, `warnings` … */
  readonly field: DecisionField;
  /** The effect in a few words: `email, sms within 0 min`, `at least 2 within 14 days`. */
  readonly text: string;
  readonly ruleIds: readonly string[];
}

/** The parts of a decision a person compares, in the decision's own order. */
export type DecisionField = (typeof DECISION_FIELDS)[number];
const DECISION_FIELDS = [
  'outcome',
  'notify',
  'alternatives',
  'refund',
  'team',
  'requirements',
  'warnings',
  'recommendations',
  'blocks',
] as const;

/** One way two decisions for the same facts differ. */
export interface DecisionChange {
  /** The part of the decision: `outcome`, `notify`, `refund`, `warnings` … */
  readonly field: string;
  /** That part before and after, in a few words (`email, sms within 0 min`, `none`). */
  readonly before: string;
  readonly after: string;
}

/**
 * Every effect of a decision in a few words, one line per effect (a list effect gives one line per
 * item), in the decision's order; the outcome is not an effect and is not listed.
 */
export function effectLines(d: Decision): EffectLine[] {
  const lines: EffectLine[] = [];
  const add = (field: DecisionField, text: string, ruleIds: readonly string[]) => lines.push({ field, text, ruleIds });
  if (d.notify)
    add(
      'notify',
      `${d.notify.channels.join(', ')} within ${d.notify.withinMinutes} min${d.notify.followUp ? `, follow up after ${d.notify.followUp.afterHours} h` : ''}`,
      d.notify.ruleIds,
    );
  if (d.alternatives) {
    const most = d.alternatives.maxSlots === undefined ? '' : `, at most ${d.alternatives.maxSlots}`;
    add(
      'alternatives',
      `at least ${d.alternatives.minSlots}${most} within ${d.alternatives.withinDays} days`,
      d.alternatives.ruleIds,
    );
  }
  if (d.refund)
    add('refund', `${d.refund.percent}% (${d.refund.amount} ${d.refund.currency}), ${d.refund.mode}`, d.refund.ruleIds);
  for (const t of d.team) add('team', t.reason, t.ruleIds);
  for (const r of d.requirements) add('requirements', `${r.kind} ≥ ${r.minLength}`, r.ruleIds);
  for (const w of d.warnings)
    add('warnings', `${w.code} ${w.level} (${w.count}/${w.threshold} in ${w.windowDays} days)`, w.ruleIds);
  for (const r of d.recommendations) add('recommendations', r.kind + (r.until ? ` until ${r.until}` : ''), r.ruleIds);
  for (const b of d.blocks) add('blocks', b.reason, b.ruleIds);
  return lines;
}

/** What a person compares: the outcome and each effect in words, not the sentences, rule ids or policy hash. */
function summarize(d: Decision): Record<DecisionField, string> {
  const lines = effectLines(d);
  const summary = Object.fromEntries(
    DECISION_FIELDS.map((field) => [
      field,
      lines
        .filter((l) => l.field === field)
        .map((l) => l.text)
        .join('; ') || 'none',
    ]),
  );
  return { ...summary, outcome: d.outcome } as Record<DecisionField, string>;
}

/**
 * How `after` differs from `before` (two rule sets deciding the same facts), one entry per changed
 * part of the decision, in the decision's own order. Empty when they decide alike.
 */
export function diffDecisions(before: Decision, after: Decision): DecisionChange[] {
  const a = summarize(before);
  const b = summarize(after);
  return DECISION_FIELDS.filter((field) => a[field] !== b[field]).map((field) => ({
    field,
    before: a[field],
    after: b[field],
  }));
}
