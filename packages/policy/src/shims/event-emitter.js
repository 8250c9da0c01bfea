// Stands in for eventemitter2 inside the bundled json-rules-engine, which only ever calls
// `emitAsync` (Raincheck adds no listeners). A constructor function, not a class: Babel's output
// calls `EventEmitter.call(this)`.
export default function EventEmitter() {
  this._listeners = new Map();
}
EventEmitter.prototype.on = function on(event, listener) {
  this._listeners.set(event, [...(this._listeners.get(event) ?? []), listener]);
  return this;
};
EventEmitter.prototype.emitAsync = function emitAsync(event, ...args) {
  return Promise.all((this._listeners.get(event) ?? []).map((listener) => listener.apply(this, args)));
};
