// Stands in for hash-it inside the bundled json-rules-engine: a fact cache key for plain JSON params.
// Raincheck's only computed fact is registered with caching off, so this is a fallback.
export default function hash(value) {
  return JSON.stringify(value);
}
