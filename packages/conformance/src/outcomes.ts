// How a check ends other than passing: thrown, so a check reads as a straight line of steps.

/** The host does not do what the check asks; the message says what is wrong in a partner's words. */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

/** The check cannot run against this host or setup; the message says why. */
export class CheckSkip extends Error {
  override name = 'CheckSkip';
}
