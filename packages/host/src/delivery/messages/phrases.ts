import type { MessageKind, MessageFacts } from '../types.js';

/** What a message says, formatted for its reader (their zone, their locale) but not yet escaped. */
export interface MessageContext {
  readonly kind: MessageKind;
  readonly client: string;
  readonly therapist: string;
  /** The session in the client's zone, in full, with the zone's name. */
  readonly session: string;
  /** The session's start, short ("Tue, 8 Dec, 14:00"), for subjects and SMS. */
  readonly sessionShort: string;
  /** The client's zone's name, for the SMS. */
  readonly zone: string;
  /** The same session in the therapist's zone, when it reads differently there. */
  readonly therapistSession?: string;
  readonly newTime?: string;
  readonly newTimeShort?: string;
  readonly alternatives: readonly string[];
  readonly chooseBy?: string;
  readonly chooseByShort?: string;
  readonly refund?: { readonly amount: string; readonly status: NonNullable<MessageFacts['refund']>['status'] };
  readonly note?: string;
  /** Whether the message carries the offer link. */
  readonly hasLink: boolean;
}

/** One language's wording. Every function returns plain text; the renderer escapes it for HTML. */
export interface Phrases {
  subject(context: MessageContext): string;
  greeting(context: MessageContext): string;
  /** What happened: one or more paragraphs. */
  happened(context: MessageContext): readonly string[];
  /** The session as the therapist reads it, beside the client's time. */
  therapistTime(context: MessageContext & { readonly therapistSession: string }): string;
  alternativesIntro(context: MessageContext): string;
  /** The refund as one of the client's choices (an open offer); `needsReview` when the platform team confirms it first. */
  refundChoice(amount: string, hasAlternatives: boolean, needsReview: boolean): string;
  /** Where the refund stands. */
  refundStatus(refund: NonNullable<MessageContext['refund']>): string;
  chooseBy(at: string): string;
  linkLabel(context: MessageContext): string;
  note(note: string): string;
  signOff(context: MessageContext): string;
  /** The SMS without the link (the renderer appends it and keeps the whole within 320 characters). */
  sms(context: MessageContext): string;
}

/** Whether a message of this kind asks the client to choose (and so shows the alternatives, the refund as a choice, the deadline and the link). */
export const asksToChoose = (context: Pick<MessageContext, 'kind' | 'hasLink' | 'alternatives'>): boolean =>
  (context.kind === 'session-cancelled' || context.kind === 'offer-reminder') &&
  (context.hasLink || context.alternatives.length > 0);
