import { css } from 'lit';

/**
 * Text fields and selects with their labels and hints: the team queue's filters show them in its
 * first view, before any form (form.styles.ts), which its opened request brings.
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
