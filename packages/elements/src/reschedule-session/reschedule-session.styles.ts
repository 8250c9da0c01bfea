import { css } from 'lit';

/** One new time: the chosen slot stands out. */
export const rescheduleSessionStyles = css`
  [part~='slot']:has(input:checked) {
    font-weight: 600;
  }
`;
