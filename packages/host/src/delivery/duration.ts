import { DeliveryConfigError } from './config-error.js';

/** `10s`, `500ms`, `2m` or plain milliseconds (`2500`) → milliseconds, within [min, max]. */
export function parseDuration(
  value: string,
  flag: string,
  bounds: { readonly minMs: number; readonly maxMs: number },
): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
  if (!match) throw new DeliveryConfigError(flag, `${flag} "${value}": give a duration like 10s, 500ms or 2m`);
  const ms = Number(match[1]) * (match[2] === 'm' ? 60_000 : match[2] === 's' ? 1000 : 1);
  if (ms < bounds.minMs || ms > bounds.maxMs)
    throw new DeliveryConfigError(
      flag,
      `${flag} "${value}": must be from ${bounds.minMs} ms to ${bounds.maxMs / 1000} s`,
    );
  return ms;
}
