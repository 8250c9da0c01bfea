import { css } from 'lit';

/** What only the refund widget has: the refund itself stands out among the effects. */
export const refundRequestStyles = css`
  [part~='effect']:first-child {
    font-weight: 600;
  }
`;
