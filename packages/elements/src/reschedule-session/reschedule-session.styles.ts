import { css } from 'lit';

/**
 * What only the rearrange widget has: nothing yet. Its one new time stands out by the chip's tick and
 * thicker border (`sessionFlowStyles`); bold text would widen the chip and move its row.
 */
export const rescheduleSessionStyles = css``;
