import { css } from 'lit';

/**
 * What an opened request adds: its sections, the therapist's note set apart, the decision's facts as
 * a compact table, the confirm step. Adopted with the request's views (adoptRequestStyles in team-queue.request.templates.ts),
 * so the queue's first load does not carry it.
 */
export const requestStyles = css`
  section {
    margin-block-end: var(--_space);
  }
  [part~='decision'] {
    margin-block-end: var(--_space);
  }
  blockquote {
    margin: 0 0 calc(var(--_space) / 2);
    padding: 0.25rem 0.75rem;
    border-inline-start: 4px solid var(--_border);
    white-space: pre-wrap;
  }
  [part~='shown'] {
    color: var(--_warning);
  }
  [part~='rule'] p {
    margin-block-end: 0.25rem;
  }
  [part~='why'] ul {
    padding-inline-start: 1.25rem;
  }
  /* On a phone the table scrolls sideways (a focusable region) rather than breaking facts letter by letter. */
  .facts-scroll {
    overflow-x: auto;
    margin-block-end: 0.5rem;
  }
  .facts-scroll:focus-visible {
    outline-offset: 0;
  }
  [part~='facts'] {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.875rem;
  }
  [part~='facts'] code {
    white-space: nowrap;
  }
  [part~='facts'] th,
  [part~='facts'] td {
    text-align: start;
    padding: 0.125rem 0.5rem 0.125rem 0;
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }
  [part~='confirm'] {
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
  }
  [part~='confirm-heading']:focus {
    outline: none;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
`;
