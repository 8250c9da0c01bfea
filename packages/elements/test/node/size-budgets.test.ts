import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitBundleSize } from '../../../../scripts/bundle-size.js';
import {
  FIRST_LOAD_TARGET,
  OVER_FIRST_LOAD_TARGET,
  SIZE_BUDGETS,
  WIDGET_ON_DEMAND,
} from '../../../../scripts/size-budgets.js';
import { WIDGETS } from '../../src/registry.js';

const elements = new URL('../../', import.meta.url).pathname;

// Measures the built package (dist/), as a partner's Vite build would bundle it: run after the build.
describe("the widgets' size budgets (Vite build of each entry, gzip -9 per chunk; scripts/size-budgets.ts)", () => {
  for (const { tag, folder, decides } of WIDGETS) {
    it(`<${tag}> stays within its budget`, async () => {
      const budget = SIZE_BUDGETS[tag];
      const size = await splitBundleSize('vite', `@raincheck/elements/${folder}`, elements, WIDGET_ON_DEMAND);
      const over = (what: string, bytes: number, limit: number) =>
        `<${tag}>'s ${what} is ${bytes} B, over its budget of ${limit} B by ${bytes - limit} B ` +
        `(node --import tsx scripts/size-report.ts ${folder} says what weighs most)`;
      assert.ok(size.initialGzip <= budget.firstLoad, over('first load', size.initialGzip, budget.firstLoad));
      // The target holds for every widget but the ones named over it, with why; one that meets it leaves that list.
      const why = OVER_FIRST_LOAD_TARGET[tag];
      if (why === undefined)
        assert.ok(budget.firstLoad <= FIRST_LOAD_TARGET, `<${tag}>'s first-load budget is past the target`);
      else
        assert.ok(
          size.initialGzip > FIRST_LOAD_TARGET,
          `<${tag}> meets the ${FIRST_LOAD_TARGET} B target now (${size.initialGzip} B): take it out of ` +
            `OVER_FIRST_LOAD_TARGET and set its first-load budget to the target`,
        );
      assert.ok(
        size.totalGzip <= budget.wholeFlow,
        over(decides ? 'whole flow' : 'first load with its lazy parts', size.totalGzip, budget.wholeFlow),
      );
    });
  }
});
