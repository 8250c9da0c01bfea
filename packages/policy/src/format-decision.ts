import type { ConditionExplanation, Decision } from './decision.js';

function value(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

function mark(passed: boolean | null): string {
  return passed === null ? '·' : passed ? '✔' : '✘';
}

function conditionLines(c: ConditionExplanation, indent: string): string[] {
  if (c.kind === 'fact') {
    const name = c.path ? `${c.fact}.${c.path}` : c.fact;
    const params = c.params ? `(${c.params.days} days)` : '';
    const skipped = c.passed === null ? ', not needed' : '';
    return [
      `${indent}${mark(c.passed)} ${name}${params} ${c.operator} ${value(c.expected)} (actual ${value(c.actual)}${skipped})`,
    ];
  }
  return [`${indent}${mark(c.passed)} ${c.kind}:`, ...c.conditions.flatMap((s) => conditionLines(s, `${indent}  `))];
}

/** A decision as plain text: what happens, then every rule and why it fired or not. */
export function formatDecision(decision: Decision): string {
  const lines = [
    `Policy ${decision.policy.id} ${decision.policy.version} (hash ${decision.policy.hash})`,
    `Action ${decision.action} at ${decision.now}: ${decision.outcome.toUpperCase()}`,
    '',
    'What happens:',
  ];
  const effect = (text: string, message: string) => lines.push(`  - ${text}`, `      ${message}`);
  const { notify, alternatives, refund } = decision;
  if (notify) {
    const followUp = notify.followUp ? `, follow up after ${notify.followUp.afterHours} h without an answer` : '';
    effect(
      `notify the client by ${notify.channels.join(', ')} within ${notify.withinMinutes} minutes${followUp}`,
      notify.message,
    );
  }
  if (alternatives) {
    const max = alternatives.maxSlots ? ` (at most ${alternatives.maxSlots})` : '';
    effect(
      `offer at least ${alternatives.minSlots} alternative slots${max} within ${alternatives.withinDays} days`,
      alternatives.message,
    );
  }
  if (refund) {
    const money = `${(refund.amount / 100).toFixed(2)} ${refund.currency}`;
    effect(
      `refund ${refund.percent}% (${money}), ${refund.mode === 'team-review' ? 'reviewed by the team' : 'self-serve'}`,
      refund.message,
    );
  }
  for (const t of decision.team) effect(`send to the team: ${t.reason}`, t.message);
  for (const r of decision.requirements)
    effect(`requires a written reason (at least ${r.minLength} characters)`, r.message);
  for (const w of decision.warnings)
    effect(`${w.level}: ${w.count} in ${w.windowDays} days (threshold ${w.threshold})`, w.message);
  for (const r of decision.recommendations)
    effect(`recommend ${r.kind}${r.until ? ` until ${r.until}` : ''}`, r.message);
  for (const b of decision.blocks) effect(`blocked: ${b.reason}`, b.message);
  if (lines.at(-1) === 'What happens:') lines.push('  (nothing)');
  lines.push('', 'Why:');
  for (const e of decision.explanations) {
    lines.push(
      `  ${e.fired ? '✔ fired' : '✘ not fired'}  ${e.ruleId} [${e.file}, priority ${e.priority}, ${e.eventType}]`,
    );
    lines.push(`      ${e.description}`);
    lines.push(...conditionLines(e.conditions, '      '));
  }
  return lines.join('\n');
}
