import { css } from 'lit';

/**
 * Text fields and selects with their labels and hints (the forms' other styles are form.styles.ts).
 * Never in a first load: every widget's lazy module brings it, and the widget adopts it on arrival.
 */
export const fieldStyles = css`
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .zone,
  .hint {
    color: var(--_muted);
  }
`;
