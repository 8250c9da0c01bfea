/**
 * The event an element fires under `name`, as the elements declare it in `HTMLElementEventMap`
 * (e.g. `CustomEvent<CancelSuccessDetail>` for `rc-cancel-success`); `Event` for a name they do
 * not declare.
 */
export type EventOf<Name extends string> = Name extends keyof HTMLElementEventMap ? HTMLElementEventMap[Name] : Event;
