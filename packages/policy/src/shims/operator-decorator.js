// Stands in for json-rules-engine's OperatorDecorator: no decorators are registered (see
// no-operator-decorators.js), so the engine only ever needs the class for an instanceof check.
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a marker class, as in the original
export default class OperatorDecorator {}
