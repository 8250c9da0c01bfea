import { css } from 'lit';

/** What only the client's view has: the refund sits with the times, set apart; taken times are struck. */
export const clientResponseStyles = css`
  [part~='refund-choice'] {
    border-block-start: 1px solid var(--_border);
    margin-block-start: 0.5rem;
    padding-block-start: 0.5rem;
  }
  [part~='slot-taken'] time {
    text-decoration: line-through;
  }
  [part~='expiry'],
  [part~='cancelled-session'] {
    color: var(--_muted);
  }
`;
