import { css } from 'lit';

/**
 * What only the team queue has: a wider console, the counts as small tiles, each request a row
 * that is one button, and the decision's facts as a compact table.
 */
export const teamQueueStyles = css`
  :host {
    max-inline-size: 60rem;
  }
  [part~='filters'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem var(--_space);
    margin-block-end: var(--_space);
  }
  /* A long choice (German kind names) must not widen the select past a phone's screen: a flex or grid item is
     as wide as its longest option unless told it may shrink. */
  [part~='filters'] > .field {
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  select {
    min-block-size: 2.75rem;
    padding-inline: 0.5rem;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  [part~='counts'] {
    display: grid;
    grid-template-columns: max-content 1fr;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-block-end: var(--_space);
  }
  .counts-label {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part~='counts'] ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='count'] {
    background: var(--_surface-raised);
    border-radius: var(--_radius);
    padding: 0.25rem 0.75rem;
    color: var(--_muted);
  }
  [part~='count'] .number {
    font-weight: 600;
    color: var(--_text);
  }
  [part~='queue'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  [part~='open-request'] {
    display: grid;
    gap: 0.125rem;
    inline-size: 100%;
    text-align: start;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
  }
  [part~='open-request']:hover {
    background: var(--_surface-raised);
  }
  .row-top {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 1rem;
  }
  [part~='kind'] {
    font-weight: 600;
  }
  [part~='age'],
  .row-who {
    color: var(--_muted);
  }
  [part~='age-old'] {
    color: var(--_warning);
    font-weight: 600;
  }
  [part~='open-request'] [part~='reason'] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
  }
  [part~='back'] {
    margin-block-end: var(--_space);
  }
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
