import type { Handlers } from '../handler.js';

/** The rule files the host applies, with their hash so a page can skip validating them again. */
export const ruleHandlers = {
  getRules: (_input, { policy }) =>
    Promise.resolve({ id: policy.id, version: policy.version, files: Object.fromEntries(policy.files.map((f) => [`${f.id}.json`, f])), hash: policy.hash }),
} satisfies Partial<Handlers>;
