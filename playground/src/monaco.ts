// Monaco with only what the rule editor needs: the editor's features and the JSON language,
// whose worker gives completion, hover and inline errors from the rule-file JSON Schema.
import 'monaco-editor/features/register.all';
import * as monaco from 'monaco-editor/editor/editor.api';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { ruleFileJsonSchema } from '@raincheck/policy/authoring';

self.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

/** Where rule files say their schema is (`"$schema": "../packages/policy/schema/…"`), seen from a model at `file:///rules/…`. */
export const RULE_SCHEMA_URI = 'file:///packages/policy/schema/rule-file.schema.json';
/** The same schema where the default rules, as the package ships them, say it is (`"../schema/…"`). */
const SHIPPED_RULE_SCHEMA_URI = 'file:///schema/rule-file.schema.json';

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: [
    { uri: RULE_SCHEMA_URI, fileMatch: ['file:///rules/*.json'], schema: ruleFileJsonSchema() },
    { uri: SHIPPED_RULE_SCHEMA_URI, schema: ruleFileJsonSchema() },
  ],
});

export { monaco };
