// Babel 6's class helpers for json-rules-engine's compiled modules, shared by all of them instead
// of repeated in each, and written for the ES2022 runtimes we target: the same behaviour for what
// the engine does with them (plain `value` methods, `super` calls that return nothing, arrays
// destructured).
const defineMethods = (target, methods) => {
  for (const { key, value } of methods ?? []) Object.defineProperty(target, key, { value, writable: true, configurable: true });
};

export function _classCallCheck(instance, Constructor) {
  if (!(instance instanceof Constructor)) throw new TypeError('Cannot call a class as a function');
}
export function _inherits(subClass, superClass) {
  subClass.prototype = Object.create(superClass.prototype, { constructor: { value: subClass, writable: true, configurable: true } });
  Object.setPrototypeOf(subClass, superClass);
}
export const _interopRequireDefault = (module) => (module && module.__esModule ? module : { default: module });
export const _possibleConstructorReturn = (self, result) => (result && (typeof result === 'object' || typeof result === 'function') ? result : self);
export function _createClass(Constructor, methods, staticMethods) {
  defineMethods(Constructor.prototype, methods);
  defineMethods(Constructor, staticMethods);
  return Constructor;
}
export const _slicedToArray = (iterable, count) => [...iterable].slice(0, count);
export const _typeof = (value) => typeof value;
