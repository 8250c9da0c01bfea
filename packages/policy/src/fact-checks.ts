import type { CheckTable } from './named-checks.js';

/** The checks only facts name. */
export const FACT_CHECKS = {
  /** On an object: `key` must be present unless its `action` is `exceptAction`. */
  requiredUnlessAction: (key: string, exceptAction: string) => ({
    // Own fields only: a field inherited from a polluted Object.prototype is not given.
    test: (o: Readonly<Record<string, unknown>>) =>
      (Object.hasOwn(o, 'action') && o.action === exceptAction) || (Object.hasOwn(o, key) && o[key] !== undefined),
    path: [key],
    message: `required for every action but ${JSON.stringify(exceptAction)}`,
  }),
} satisfies CheckTable;
