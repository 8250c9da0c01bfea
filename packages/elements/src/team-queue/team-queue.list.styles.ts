import { css } from 'lit';

/**
 * The queue's list: the filters, the counts as small tiles, each request a row that is one button.
 * Adopted with the queue's lazy module as it arrives, before the list's first render
 * (adoptQueueStyles in team-queue.request.templates.ts), so the queue's first load does not carry it.
 */
export const queueListStyles = css`
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
`;
