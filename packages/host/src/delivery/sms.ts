/** Two SMS segments: the most a message may take, link included. */
export const SMS_LIMIT = 320;

/**
 * The SMS text with the link appended, within {@link SMS_LIMIT} characters: the text is shortened
 * (with an ellipsis), never the link, which is the part the client cannot do without.
 */
export function fitSms(text: string, link?: string): string {
  const tail = link === undefined ? '' : /[.!?]$/.test(text) ? ` ${link}` : `: ${link}`;
  if (text.length + tail.length <= SMS_LIMIT) return `${text}${tail}`;
  const room = SMS_LIMIT - tail.length - 1;
  if (room < 40)
    throw new RangeError(
      `An SMS link of ${link?.length ?? 0} characters leaves no room for the message within ${SMS_LIMIT} characters`,
    );
  return `${text.slice(0, room).trimEnd()}…${tail}`;
}
