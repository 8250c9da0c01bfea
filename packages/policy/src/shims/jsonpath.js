// Stands in for jsonpath-plus inside the bundled json-rules-engine. Raincheck always passes its own
// dot-path resolver, and rule files may not contain JSONPath, so this is never reached.
export function JSONPath() {
  throw new Error('JSONPath is disabled in @raincheck/policy: rule paths are plain dot paths');
}
