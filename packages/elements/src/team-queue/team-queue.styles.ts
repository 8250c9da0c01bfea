import { css } from 'lit';

/**
 * What the team queue's first view has of its own: a wider console, and room under "Back to the
 * queue". The list's look (the filters, the counts as small tiles, each request a row that is one
 * button) comes with the queue's lazy module (team-queue.list.styles.ts), and what an opened request
 * adds (the decision's facts as a compact table, the confirm step) in team-queue.request.styles.ts.
 */
export const teamQueueStyles = css`
  :host {
    max-inline-size: 60rem;
  }
  [part~='back'] {
    margin-block-end: var(--_space);
  }
`;
