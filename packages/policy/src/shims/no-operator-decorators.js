// Stands in for json-rules-engine's default operator decorators (`everyFact:`, `not:` …): rule files
// may only use the plain comparison operators, so none are registered.
export default [];
