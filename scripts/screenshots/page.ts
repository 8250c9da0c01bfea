import type { WidgetTag } from '@raincheck/elements';
import { showState, WIDGET_STATES, type Widget } from './states.js';

// The page scripts/screenshots.ts drives: one widget state at a time (./states.ts), and what sticks out of the screen.

let current: Widget | undefined;

/** What is wrong on screen that a script can see: what sticks out of the viewport. */
function overflow(): string[] {
  const found: string[] = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width)
    found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width} px)`);
  const el = current;
  if (!el?.shadowRoot) return found;
  for (const node of el.shadowRoot.querySelectorAll<HTMLElement>('*')) {
    const box = node.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5 && !insideScroller(node))
      found.push(`<${node.localName} part="${node.getAttribute('part') ?? ''}"> ends at ${Math.round(box.right)} px`);
  }
  return found;
}

/** Whether `node` sits in a box that scrolls sideways (what it clips is reached by scrolling, not lost). */
function insideScroller(node: HTMLElement): boolean {
  for (let up = node.parentElement; up; up = up.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return true;
  }
  return false;
}

const api = {
  list: () => WIDGET_STATES,
  show: async (tag: WidgetTag, state: string, locale: string) => {
    current = await showState(document.getElementById('stage')!, tag, state, locale);
  },
  overflow,
  /** The widget's state attribute now, for the log. */
  state: () => current?.state ?? '',
};

declare global {
  interface Window {
    rcShots: typeof api;
  }
}
window.rcShots = api;
