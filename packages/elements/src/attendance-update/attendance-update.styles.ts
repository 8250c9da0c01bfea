import { css } from 'lit';

/** What only the attendance widget has: the refund choice sits under its outcome. */
export const attendanceUpdateStyles = css`
  [part~='refund'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    font-weight: 600;
  }
`;
