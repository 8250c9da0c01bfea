import { msg, str } from '@lit/localize';
import type { Decision, WarningLevel } from '@raincheck/policy';
import { html, type TemplateResult } from 'lit';
import { decisionSection, effect } from '../internal/form-templates.js';
import type { Threshold } from './cancellation-standing.js';

// What <rc-cancellation-standing> shows once the policy has decided, loaded with the engine.
export { deriveFacts } from '@raincheck/policy/decide';
export { policyFromRules } from '../internal/policy-from-rules.decided.js';
export { warmFormatters } from '../internal/warm-formatters.decided.js';
export { wordFailure } from '../internal/failure-wording.decided.js';
export { formStyles } from '../styles/form.styles.js';

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
