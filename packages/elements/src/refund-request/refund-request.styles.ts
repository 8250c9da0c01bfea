import { css } from 'lit';

/** What only the refund widget has: the refund itself stands out among the effects. */
export const refundRequestStyles = css`
  [part~='refund-effect'] > span {
    font-weight: 600;
  }
`;
