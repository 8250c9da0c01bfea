import { createPolicy, PolicyValidationError, type Policy } from '@raincheck/policy';
import { staffCaller, type Handlers } from '../handler.js';
import { HttpError } from '../http-error.js';

/** A policy as `GET /policy/rules` shows it, with its hash so a page can skip validating it again. */
function rulesView(policy: Policy) {
  return {
    id: policy.id,
    version: policy.version,
    files: Object.fromEntries(policy.files.map((f) => [`${f.id}.json`, f])),
    hash: policy.hash,
  };
}

/** The rule files a tenant's decisions are made under, and publishing new ones. */
export const ruleHandlers = {
  getRules: async (_input, context) => rulesView(await context.policyFor(staffCaller(context).tenant)),

  publishRules: async ({ body }, context) => {
    const caller = staffCaller(context);
    let policy: Policy;
    try {
      policy = createPolicy(body.files, { id: body.id, version: body.version });
    } catch (error) {
      if (error instanceof PolicyValidationError)
        throw new HttpError(422, 'invalid-rules', error.message, { issues: error.issues });
      throw error;
    }
    // A version is immutable: publishing it again is fine only with the very same files (and makes
    // it current again: a rollback). The store says what it holds, so two admins racing with
    // different files under one version cannot both be told they won.
    const stored = await context.tx.addPolicy({
      tenant: caller.tenant,
      id: policy.id,
      version: policy.version,
      hash: policy.hash,
      files: body.files,
      publishedAt: context.now,
      publishedBy: caller.subject,
    });
    if (stored.hash !== policy.hash) {
      throw new HttpError(
        409,
        'version-exists',
        `Version ${body.version} of ${body.id} is already published with other rule files: publish them as a new version.`,
        { hash: stored.hash },
      );
    }
    return rulesView(policy);
  },
} satisfies Partial<Handlers>;
