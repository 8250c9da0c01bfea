// Stands in for `clone` inside the bundled json-rules-engine, which deep-copies condition trees
// (Condition instances in arrays) and events for each rule result. Rule data is plain JSON, so a
// prototype-keeping copy of own properties is enough; it is also several times faster.
export default function clone(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  const copy = Object.create(Object.getPrototypeOf(value));
  for (const key of Object.keys(value)) copy[key] = clone(value[key]);
  return copy;
}
