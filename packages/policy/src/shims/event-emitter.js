// Stands in for eventemitter2 inside the bundled json-rules-engine, which only calls `on` and
// `emitAsync`. A constructor function, not a class: Babel's output calls `EventEmitter.call(this)`.
export default function EventEmitter() {
  this._listeners = new Map();
}
EventEmitter.prototype.on = function on(event, listener) {
  const list = this._listeners.get(event) ?? [];
  list.push(listener);
  this._listeners.set(event, list);
  return this;
};
EventEmitter.prototype.off = function off(event, listener) {
  const list = this._listeners.get(event) ?? [];
  this._listeners.set(event, list.filter((l) => l !== listener));
  return this;
};
EventEmitter.prototype.removeAllListeners = function removeAllListeners(event) {
  if (event === undefined) this._listeners.clear();
  else this._listeners.delete(event);
  return this;
};
EventEmitter.prototype.emit = function emit(event, ...args) {
  const list = this._listeners.get(event) ?? [];
  for (const listener of [...list]) listener.apply(this, args);
  return list.length > 0;
};
EventEmitter.prototype.emitAsync = function emitAsync(event, ...args) {
  const list = this._listeners.get(event);
  if (!list || list.length === 0) return Promise.resolve([]);
  return Promise.all(list.map((listener) => listener.apply(this, args)));
};
