import { PolicyValidationError, type ValidationIssue } from './errors.js';
import type { RuleFile } from './rule-file-schema.js';
import { ruleFileList, sortedById, type RuleFileSources } from './rule-file-sources.js';
import { validateRuleFile } from './validate-rule-file.js';

/**
 * Validates a set of rule files as one policy: each file, then what spans files (file ids and rule
 * ids are unique across the set). Every problem is reported at once.
 * @returns deep copies of the files, ordered by id.
 * @throws PolicyValidationError naming each file, JSON path and what was expected.
 */
export function validateRuleFiles(sources: RuleFileSources): RuleFile[] {
  const issues: ValidationIssue[] = [];
  const files: { name: string; file: RuleFile }[] = [];
  for (const { name, content } of ruleFileList(sources)) {
    try {
      files.push({ name, file: validateRuleFile(name, content) });
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (files.length === 0 && issues.length === 0) {
    issues.push({ file: '(policy)', path: '$', message: 'expected at least one rule file' });
  }
  const ruleHomes = new Map<string, string>();
  const fileHomes = new Map<string, string>();
  for (const { name, file } of files) {
    const otherFile = fileHomes.get(file.id);
    if (otherFile)
      issues.push({ file: name, path: '$.id', message: `duplicate rule file id "${file.id}" (also in ${otherFile})` });
    fileHomes.set(file.id, name);
    file.rules.forEach((rule, i) => {
      const other = ruleHomes.get(rule.id);
      if (other && other !== name) {
        issues.push({
          file: name,
          path: `$.rules[${i}].id`,
          message: `duplicate rule id "${rule.id}" (also in ${other})`,
        });
      }
      ruleHomes.set(rule.id, name);
    });
  }
  if (issues.length > 0) throw new PolicyValidationError(issues);
  return sortedById(files.map((f) => f.file));
}
