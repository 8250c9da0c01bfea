import { css } from 'lit';

/**
 * The form (choices, notes, days of times) and what happens next: what a widget shows once it has its
 * subject (for the policy widgets, once the policy has decided; the fields' own are field.styles.ts,
 * the decision's decision.styles.ts).
 * Never in a first load: a policy widget's decided-phase module brings this sheet, the client's page
 * and the team's queue their lazy module, and the widget adopts it before the render that needs it.
 */
export const formStyles = css`
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
    min-block-size: 4rem;
    padding: 0.5rem;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    /* A label that wraps (a narrow phone) must not squeeze the target below 24 px. */
    flex: none;
    margin: 0;
    accent-color: var(--_accent);
  }
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
  /* A label that wraps keeps its radio or checkbox beside its first line, not halfway down it; one line is
     still 2.75rem high (44 px) and centred. */
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    box-sizing: border-box;
    padding-block: 0.625rem;
  }
  .choice > input {
    margin-block-start: max(0px, calc((1lh - 1.5rem) / 2));
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
  /* What happens next reads as body text; the green bar marks it as done, so a closed offer or a long
     list of sent messages is not a block of green. */
  [part~='next'] {
    border-inline-start: 4px solid var(--_success);
    padding-inline-start: var(--_space);
  }
`;
