import { css } from 'lit';

/**
 * The availability form's own styles, with its decided phase: the dates side by side, each with its
 * day in words, and the sessions inside the absence.
 */
export const availabilityFormStyles = css`
  .dates {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem var(--_space);
    align-items: end;
  }
  .date-field {
    display: grid;
    gap: 0.125rem;
  }
  [part~='date-in-words'] {
    font-size: 0.875rem;
    min-block-size: 1.3em;
  }
  input[type='date'] {
    font: inherit;
    min-block-size: 2.25rem;
  }
  [part~='sessions'] ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='affected-session'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding-block: 0.25rem;
  }
  [part~='affected-session'] span {
    flex: 1 1 14rem;
  }
`;
