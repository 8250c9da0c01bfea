import { css } from 'lit';

/** What only the standing view has: the thresholds as a short ladder, the reached ones marked. */
export const cancellationStandingStyles = css`
  [part~='thresholds'] {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  [part~='threshold'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 1rem;
    border-inline-start: 4px solid var(--_border);
    padding: 0.25rem 0.5rem;
  }
  /* On a phone every row puts its status under the threshold, rather than beside it where it fits and under it where not. */
  @media (max-width: 30rem) {
    [part~='threshold'] {
      flex-direction: column;
      gap: 0;
    }
  }
  [part~='threshold-reached'] {
    border-inline-start-color: var(--_warning);
  }
  [part~='threshold-next'] {
    border-inline-start-color: var(--_warning);
    border-inline-start-style: dashed;
  }
  .level {
    color: var(--_muted);
  }
  [part~='count'] {
    font-size: 1.125rem;
    font-weight: 600;
  }
  [part~='advice'] {
    margin-block-start: var(--_space);
  }
  [part~='advice'] ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
`;
