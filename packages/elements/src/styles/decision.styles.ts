import { css } from 'lit';

/**
 * What the policy decided and why: the decision's box, its warnings and the "Why?" details. Brought
 * by the decided-phase modules of the policy widgets and by the team queue's opened request, and
 * adopted before their first render; the client's page never shows a decision.
 */
export const decisionStyles = css`
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
`;
