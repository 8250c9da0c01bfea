import type { MessageFacts } from './types.js';

/**
 * Until when the client can choose, as a message may show it: never later than the earliest offered
 * alternative (a choice after that time could not take it). Undefined when the facts give no deadline.
 */
export function effectiveChooseBy(facts: Pick<MessageFacts, 'chooseBy' | 'alternatives'>): string | undefined {
  if (facts.chooseBy === undefined) return undefined;
  let earliest = facts.chooseBy;
  for (const alternative of facts.alternatives ?? []) {
    if (Date.parse(alternative.startsAt) < Date.parse(earliest)) earliest = alternative.startsAt;
  }
  return earliest;
}
