import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { showState, WIDGET_STATES } from '../../../../scripts/screenshots/states.js';

// Every state `npm run screenshots` shows, of every widget, passes axe in light and dark: reached the same
// way (scripts/screenshots/states.ts), so what was looked at is what is checked. Split over a few files
// (every-state-*.test.ts, two widgets each) so that each finishes well within the runner's time per file.

/** The every-state accessibility tests of the registry's widgets `folders`. */
export function describeEveryState(folders: readonly string[]): void {
  const stage = document.createElement('main');
  document.body.append(stage);

  afterEach(async () => {
    stage.replaceChildren();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  const widgets = WIDGET_STATES.filter((w) => folders.includes(w.folder));
  if (widgets.length !== folders.length)
    throw new Error(`not every one of ${folders.join(', ')} is a registered widget`);
  describe('every state', () => {
    for (const { tag, states } of widgets) {
      for (const state of states) {
        it(`<${tag}> ${state}: accessible in light and dark`, async function () {
          this.timeout(20_000);
          const el = await showState(stage, tag, state, 'en-GB');
          await expect(el).to.be.accessible();
          // Without motion, so axe reads the dark colours, not a transition half-way.
          await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
          await expect(el).to.be.accessible();
        });
      }
    }
  });
}
