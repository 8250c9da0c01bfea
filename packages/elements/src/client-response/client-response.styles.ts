import { css } from 'lit';

/**
 * What only the client's view has: the refund sits with the times, set apart; taken times are struck;
 * a time's aside (the therapist's clock, an unusual hour) takes its own line under the time, the width of
 * the whole choice, rather than a narrow column beside it that wraps word by word on a phone.
 */
export const clientResponseStyles = css`
  [part~='refund-choice'] {
    border-block-start: 1px solid var(--_border);
    margin-block-start: 0.5rem;
    padding-block-start: 0.5rem;
  }
  [part~='slot']:has([part~='slot-aside']) {
    flex-wrap: wrap;
    row-gap: 0;
    padding-block: 0.25rem;
  }
  [part~='slot-aside'] {
    /* Under the time, aligned with it: past the 1.5rem radio and the 0.5rem gap. */
    flex-basis: 100%;
    padding-inline-start: 2rem;
    font-size: 0.875rem;
    /* Last, so "(taken)" stays beside its time. */
    order: 1;
  }
  [part~='slot-taken'] time {
    text-decoration: line-through;
  }
  /* A closed offer is not a success: its bar is neutral. */
  [part~='closed'] {
    border-inline-start-color: var(--_border);
  }
  [part~='expiry'],
  [part~='cancelled-session'] {
    color: var(--_muted);
  }
`;
