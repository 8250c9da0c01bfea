// Stands in for json-rules-engine's errors module: its UndefinedFactError is only thrown when
// undefined facts are not allowed, and Raincheck always allows them (an absent fact compares false).
export class UndefinedFactError extends Error {
  constructor(message) {
    super(message);
    this.code = 'UNDEFINED_FACT';
  }
}
