import { css } from 'lit';

/**
 * The therapist's compact slot picker (`slot-picker.decided.ts`): sections, each time a chip that
 * wraps, the week's navigation. It arrives with the picker, after the policy decides, so the
 * widgets' first load does not carry it; `sessionFlowStyles` still styles the days and hints.
 */
export const slotPickerStyles = css`
  .section-label {
    margin: 0.25rem 0 0;
    font-weight: 600;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    flex: 1 1 0;
    gap: 0.375rem 0.25rem;
    min-inline-size: 0;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    box-sizing: border-box;
    min-block-size: 2.25rem;
    padding: 0.125rem 0.5rem 0.125rem 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 1.25rem;
    cursor: pointer;
    font-variant-numeric: tabular-nums;
    line-height: 1.25;
  }
  /* A suggestion's day above its time, so two fit side by side on a phone. */
  [part~='suggested-slot'] time {
    display: inline-flex;
    flex-direction: column;
  }
  .chip-day {
    font-size: 0.875rem;
  }
  /* Chosen: the tick and a thicker border, not colour alone (bold text would widen the chip and move the row). */
  .chip:has(input:checked) {
    border: 2px solid var(--_accent);
    padding: calc(0.125rem - 1px) calc(0.5rem - 1px) calc(0.125rem - 1px) calc(0.375rem - 1px);
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  .chip:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .chip input:focus-visible {
    outline: none;
  }
  /* Sending (the fieldset is disabled) or taken meanwhile. */
  .chip:has(input:disabled) {
    cursor: not-allowed;
    color: var(--_muted);
    border-style: dashed;
  }
  [part~='slot-count'] {
    margin: 0.25rem 0 0;
    color: var(--_muted);
  }
  [part~='alternatives'] {
    min-inline-size: 0;
    padding-inline: calc(var(--_space) / 2);
  }
  [part~='more-times'] {
    container-type: inline-size;
  }
  [part~='week-nav'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    margin-block: 0.5rem 0.25rem;
  }
  [part~='week-nav'] .section-label {
    flex-basis: 100%;
  }
  [part~='week-range'] {
    display: flex;
    flex: 0 1 11rem;
    flex-direction: column;
    margin: 0;
    text-align: center;
    line-height: 1.25;
  }
  [part~='week-range'] .hint {
    font-size: 0.875rem;
  }
  [part~='week-nav'] button {
    padding: 0.25rem 0.75rem;
    font-size: 1.25rem;
    line-height: 1;
  }
  [part~='week-nav'] button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.45;
  }
  [part~='more-times'] .date {
    font-weight: normal;
  }
  /*
   * Each day's heading beside its times, one row a day where they fit: short on a phone, long when
   * wide; tighter than the days of the client's list, so a phone shows a whole week with little scrolling.
   */
  [part~='more-times'] [part~='day'] {
    padding-block: 0.375rem 0;
    flex-wrap: nowrap;
    align-items: flex-start;
    gap: 0.5rem;
  }
  [part~='more-times'] .day-label {
    line-height: 1.25;
    margin-block: 0.125rem;
    flex: 0 0 3.5rem;
    font-size: 0.9375rem;
  }
  [part~='more-times'] .day-label .weekday,
  [part~='more-times'] .day-label .date {
    display: block;
  }
  [part~='more-times'] .day-long {
    display: none;
  }
  /* "11:00 AM" and "9:00 AM" side by side beside the day, on a phone too. */
  [part~='more-times'] .chip {
    font-size: 0.9375rem;
  }
  @container (min-width: 30rem) {
    [part~='more-times'] .day-label {
      flex-basis: 8rem;
      font-size: inherit;
    }
    [part~='more-times'] .day-long {
      display: inline;
    }
    [part~='more-times'] .day-short {
      display: none;
    }
  }
  [part~='slot-taken'] time {
    text-decoration: line-through;
  }
`;
