import { msg, str } from '@lit/localize';
import type { Decision, Policy, PolicyRule, WarningLevel } from '@raincheck/policy';
import { deriveFacts } from '@raincheck/policy/decide';
import type { LoadedFacts } from '../controllers/policy-decision.js';
import { html, type TemplateResult } from 'lit';
import { decisionSection, effect } from '../internal/form-templates.js';
import type { Threshold } from './cancellation-standing.js';

// What <rc-cancellation-standing> shows once the policy has decided, loaded with the engine.
export { deriveFacts } from '@raincheck/policy/decide';
export { policyFromRules } from '../internal/policy-from-rules.decided.js';
export { wordFailure } from '../internal/failure-wording.decided.js';
export { decidedStyles } from '../styles/decided.styles.js';
export { decideOnce, rulesPolicy, settleViews } from '../internal/policy-decision.decided.js';

/** Whether a rule reads the count of recent changes, so its effects are about frequency. */
const readsFrequency = (rule: PolicyRule) => JSON.stringify(rule.conditions).includes('"cancellationsInWindow"');

/**
 * The policy's frequency thresholds with the therapist's count in each window now, and the ids of
 * the rules that count changes (only their effects are about frequency).
 */
export function readThresholds(policy: Policy, facts: LoadedFacts): [readonly Threshold[], ReadonlySet<string>] {
  // Now: without the next change (an action that is neither a cancellation nor a rearrangement).
  const frequencyRules = new Set(policy.rules.filter(readsFrequency).map((rule) => rule.id));
  const current = deriveFacts({ ...facts, action: 'availability-change', now: new Date().toISOString() });
  const thresholds = policy.rules
    .flatMap((rule) => (rule.event.type === 'frequency-warning' ? [{ ruleId: rule.id, ...rule.event.params }] : []))
    .map(({ ruleId, level, threshold, windowDays }) => ({
      ruleId,
      level,
      threshold,
      windowDays,
      count: current.cancellationsInWindow(windowDays),
    }))
    .sort((a, b) => a.windowDays - b.windowDays || a.threshold - b.threshold);
  return [thresholds, frequencyRules];
}

function levelLabel(level: WarningLevel): string {
  switch (level) {
    case 'info':
      return msg('a reminder', { id: 'rc.standing.level-info' });
    case 'warning':
      return msg('a warning', { id: 'rc.standing.level-warning' });
    default:
      return msg('a serious warning', { id: 'rc.standing.level-critical' });
  }
}

/**
 * The count in each window against the policy's thresholds, and what one more change would
 * trigger: the warnings, and the recommendations of the rules in `frequencyRules`.
 */
export function standingView(
  decision: Decision,
  thresholds: readonly Threshold[],
  frequencyRules: ReadonlySet<string>,
): TemplateResult {
  const windows = [...new Set(thresholds.map((t) => t.windowDays))];
  const triggered = [
    ...decision.warnings.map((w) => effect(w.message, w.ruleIds, decision, `warning warning-${w.level}`)),
    ...decision.recommendations
      .filter((r) => r.ruleIds.some((id) => frequencyRules.has(id)))
      .map((r) => effect(r.message, r.ruleIds, decision)),
  ];
  return html`
    ${windows.map((days) => {
      const inWindow = thresholds.filter((t) => t.windowDays === days);
      const count = inWindow[0]!.count;
      return html`<p part="count">${msg(str`${count} in the last ${days} days`, { id: 'rc.standing.count' })}</p>
        <ol part="thresholds" aria-label=${msg(str`The policy's thresholds over ${days} days`, { id: 'rc.standing.thresholds' })}>
          ${inWindow.map((t) => {
            const state = t.count >= t.threshold ? 'reached' : t.count + 1 >= t.threshold ? 'next' : 'ahead';
            return html`<li part="threshold threshold-${state}">
              <span>${msg(str`${t.threshold} or more: ${levelLabel(t.level)}`, { id: 'rc.standing.threshold' })}</span>
              <span class="level">
                ${
                  state === 'reached'
                    ? msg('reached', { id: 'rc.standing.reached' })
                    : state === 'next'
                      ? msg('the next change reaches it', { id: 'rc.standing.next' })
                      : msg(str`${t.threshold - t.count} more to go`, { id: 'rc.standing.ahead' })
                }
              </span>
            </li>`;
          })}
        </ol>`;
    })}
    ${
      triggered.length > 0
        ? decisionSection(triggered, msg('If you cancel or rearrange one more session', { id: 'rc.standing.if-next' }))
        : html`<p>${msg('One more cancellation or rearrangement would not trigger a warning.', { id: 'rc.standing.nothing-next' })}</p>`
    }
  `;
}
