import type { PlacedSlot } from './slot-picker-calendar.js';

/**
 * The times to suggest first: those whose time of day is nearest the session's, on the days nearest
 * the session's, at most `count`, soonest first. A client who booked Thursdays at 10:00 is most
 * likely to take 10:00 on Wednesday or Friday. (The session's own time is never among `slots`: the
 * widget drops any slot over it.)
 */
export function suggestedSlots(
  slots: readonly PlacedSlot[],
  session: { readonly day: number; readonly minute: number },
  count: number,
): PlacedSlot[] {
  const nearest = [...slots].sort(
    (a, b) =>
      Math.abs(a.minute - session.minute) - Math.abs(b.minute - session.minute) ||
      Math.abs(a.day - session.day) - Math.abs(b.day - session.day) ||
      Date.parse(a.slot.startsAt) - Date.parse(b.slot.startsAt),
  );
  return nearest.slice(0, count).sort((a, b) => Date.parse(a.slot.startsAt) - Date.parse(b.slot.startsAt));
}
