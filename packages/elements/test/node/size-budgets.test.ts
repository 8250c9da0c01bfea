import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitBundleSize } from '../../../../scripts/bundle-size.js';
import { SIZE_BUDGETS, WIDGET_ON_DEMAND } from '../../../../scripts/size-budgets.js';
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
      assert.ok(
        size.totalGzip <= budget.wholeFlow,
        over(decides ? 'whole flow' : 'first load with its lazy parts', size.totalGzip, budget.wholeFlow),
      );
    });
  }
});
