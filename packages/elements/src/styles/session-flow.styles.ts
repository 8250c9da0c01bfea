import { css } from 'lit';

/**
 * What every session widget shows before anything is decided: the session, and a failure. The form,
 * the decision and the result come with {@link formStyles}, in the decided phase (form.styles.ts).
 */
export const sessionFlowStyles = css`
  [part~='session'] {
    color: var(--_muted);
  }
  [part~='error'] {
    border-inline-start: 4px solid var(--_danger);
    padding: calc(var(--_space) / 2) var(--_space);
    margin-block-end: var(--_space);
    color: var(--_danger);
  }
  /* Alone in the widget (a load that failed) the error ends its content: the widget's padding is the gap. */
  [part~='error']:last-child {
    margin-block-end: 0;
  }
`;
