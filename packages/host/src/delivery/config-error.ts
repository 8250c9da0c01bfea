/** A delivery option that cannot work, refused at start. The message names the flag and what is wrong. */
export class DeliveryConfigError extends Error {
  constructor(
    /** The flag (or option) at fault, e.g. `--smtp-url`. */
    readonly option: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryConfigError';
  }
}
