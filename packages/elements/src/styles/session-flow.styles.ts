import { css } from 'lit';

/** The form, decision and slot picker every session widget shares. */
export const sessionFlowStyles = css`
  form {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: calc(var(--_space) / 2) var(--_space);
  }
  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .zone,
  .hint {
    color: var(--_muted);
  }
  [part~='session'] {
    color: var(--_muted);
  }
  [part~='decision'] {
    background: var(--_surface-raised);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
  }
  [part~='decision'] ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  [part~='warning'] {
    color: var(--_warning);
    font-weight: 600;
  }
  details summary {
    cursor: pointer;
    min-block-size: 1.5rem;
    color: var(--_accent);
  }
  details ul {
    font-weight: normal;
    color: var(--_text);
  }
  [part~='day'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    padding-block: 0.25rem;
  }
  .day-label {
    flex-basis: 100%;
    margin: 0.25rem 0 0;
    font-weight: 600;
  }
  /* The therapist's compact picker: sections, and each time a chip that wraps. */
  .section-label {
    margin: 0.25rem 0 0;
    font-weight: 600;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    flex: 1 1 0;
    gap: 0.5rem;
    min-inline-size: 0;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    box-sizing: border-box;
    min-block-size: 2.75rem;
    padding: 0 0.75rem 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 1.375rem;
    cursor: pointer;
    font-variant-numeric: tabular-nums;
  }
  /* Chosen: a thicker border and bold text besides the tick, not colour alone. */
  .chip:has(input:checked) {
    border: 2px solid var(--_accent);
    padding: 0 calc(0.75rem - 1px) 0 calc(0.5rem - 1px);
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
    font-weight: 600;
  }
  .chip:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .chip input:focus-visible {
    outline: none;
  }
  .chip:has(input:disabled) {
    cursor: not-allowed;
  }
  [part~='slot-taken'] time {
    text-decoration: line-through;
  }
  [part~='error'] {
    border-inline-start: 4px solid var(--_danger);
    padding: calc(var(--_space) / 2) var(--_space);
    margin-block-end: var(--_space);
    color: var(--_danger);
  }
  [part~='next'] {
    color: var(--_success);
  }
`;
