import { css } from 'lit';

/** What only the cancel widget has: the refund offer. */
export const cancelSessionStyles = css`
  [part~='refund'] {
    font-weight: 600;
  }
`;
