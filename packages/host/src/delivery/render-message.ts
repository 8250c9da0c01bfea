import { effectiveChooseBy } from './choose-by.js';
import { formatInstant, formatMoney, formatShort, formatSpan, formatSpanBeside, sameLocalTime } from './format.js';
import { escapeHtml } from './html.js';
import { messageLocale, type MessageLanguage } from './language.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';
import { asksToChoose, type MessageContext, type Phrases } from './messages/phrases.js';
import { fillTemplate, type MessageTemplates } from './messages/templates.js';
import { fitSms } from './sms.js';
import type { MessageFacts, RenderedMessage } from './types.js';
import { zoneName } from './zone-name.js';

const PHRASES: Record<MessageLanguage, Phrases> = { en, de };

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** What would otherwise fail deep inside Intl, or put a link no one should follow in a message: said plainly. */
function checkFacts(facts: MessageFacts): void {
  const where = `renderMessage (${facts.kind})`;
  for (const [who, zone] of [
    ['client', facts.client.timeZone],
    ['therapist', facts.therapist.timeZone],
  ] as const) {
    if (!isTimeZone(zone)) throw new TypeError(`${where}: ${who}.timeZone "${zone}" is not an IANA time zone`);
  }
  if (facts.offerUrl !== undefined && !/^https?:\/\//i.test(facts.offerUrl))
    throw new TypeError(`${where}: offerUrl must be an http(s) URL, not "${facts.offerUrl.slice(0, 40)}"`);
  if (facts.refund !== undefined && !/^[A-Z]{3}$/.test(facts.refund.currency))
    throw new TypeError(`${where}: refund.currency "${facts.refund.currency}" is not an ISO 4217 code`);
}

/** The built-in wording with the partner's templates over it, part by part. */
function withTemplates(phrases: Phrases, templates: MessageTemplates | undefined, language: MessageLanguage): Phrases {
  if (templates?.[language] === undefined) return phrases;
  return {
    ...phrases,
    subject: (c) => fillTemplate(templates, language, 'subject', c) ?? phrases.subject(c),
    happened: (c) => fillTemplate(templates, language, 'happened', c)?.split(/\n\s*\n/) ?? phrases.happened(c),
    sms: (c) => fillTemplate(templates, language, 'sms', c) ?? phrases.sms(c),
    signOff: (c) => fillTemplate(templates, language, 'signOff', c) ?? phrases.signOff(c),
  };
}

/** Everything the templates say, formatted for the client: their zone, their locale. */
function contextOf(facts: MessageFacts, locale: string): MessageContext {
  const zone = facts.client.timeZone;
  const chooseBy = effectiveChooseBy(facts);
  const therapistSession = sameLocalTime(facts.session.startsAt, zone, facts.therapist.timeZone, locale)
    ? undefined
    : formatSpanBeside(facts.session, facts.therapist.timeZone, locale, zone);
  return {
    kind: facts.kind,
    client: facts.client.name,
    therapist: facts.therapist.name,
    session: formatSpan(facts.session, zone, locale),
    sessionShort: formatShort(facts.session.startsAt, zone, locale),
    zone: zoneName(zone, locale, new Date(facts.session.startsAt)),
    ...(therapistSession === undefined ? {} : { therapistSession }),
    ...(facts.newTime === undefined
      ? {}
      : {
          newTime: formatSpan(facts.newTime, zone, locale),
          newTimeShort: formatShort(facts.newTime.startsAt, zone, locale),
        }),
    alternatives: (facts.alternatives ?? []).map((alternative) => formatSpan(alternative, zone, locale)),
    ...(chooseBy === undefined
      ? {}
      : { chooseBy: formatInstant(chooseBy, zone, locale), chooseByShort: formatShort(chooseBy, zone, locale) }),
    ...(facts.refund === undefined
      ? {}
      : {
          refund: {
            amount: formatMoney(facts.refund.amount, facts.refund.currency, locale),
            status: facts.refund.status,
          },
        }),
    ...(facts.note === undefined ? {} : { note: facts.note }),
    hasLink: facts.offerUrl !== undefined,
  };
}

/** A message's body as blocks, so the plain text and the HTML say exactly the same. */
type Block =
  | { readonly paragraph: string }
  | { readonly list: readonly string[] }
  | { readonly link: { readonly label: string; readonly url: string } };

function blocksOf(phrases: Phrases, context: MessageContext, offerUrl: string | undefined): Block[] {
  const blocks: Block[] = [
    { paragraph: phrases.greeting(context) },
    ...phrases
      .happened(context)
      .filter((paragraph) => paragraph !== '')
      .map((paragraph) => ({ paragraph })),
  ];
  if (context.therapistSession !== undefined)
    blocks.push({ paragraph: phrases.therapistTime({ ...context, therapistSession: context.therapistSession }) });
  const choosing = asksToChoose(context);
  if (choosing && context.alternatives.length > 0)
    blocks.push({ paragraph: phrases.alternativesIntro(context) }, { list: context.alternatives });
  // In an open offer the refund is one of the choices, not yet under way.
  const refundOnOffer =
    choosing && (context.refund?.status === 'pending' || context.refund?.status === 'pending-review');
  if (context.refund) {
    blocks.push({
      paragraph: refundOnOffer
        ? phrases.refundChoice(
            context.refund.amount,
            context.alternatives.length > 0,
            context.refund.status === 'pending-review',
          )
        : phrases.refundStatus(context.refund),
    });
  }
  if (choosing && context.chooseBy !== undefined) blocks.push({ paragraph: phrases.chooseBy(context.chooseBy) });
  if (offerUrl !== undefined && (choosing || context.kind === 'offer-answered'))
    blocks.push({ link: { label: phrases.linkLabel(context), url: offerUrl } });
  if (context.note !== undefined) blocks.push({ paragraph: phrases.note(context.note) });
  blocks.push({ paragraph: phrases.signOff(context) });
  return blocks;
}

function plainText(blocks: readonly Block[]): string {
  return `${blocks
    .map((block) =>
      'paragraph' in block
        ? block.paragraph
        : 'list' in block
          ? block.list.map((item) => `- ${item}`).join('\n')
          : `${block.link.label}: ${block.link.url}`,
    )
    .join('\n\n')}\n`;
}

function html(blocks: readonly Block[], subject: string, language: MessageLanguage): string {
  const body = blocks
    .map((block) => {
      if ('paragraph' in block) return `<p>${escapeHtml(block.paragraph).replaceAll('\n', '<br>')}</p>`;
      if ('list' in block) return `<ul>${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
      return `<p><a href="${escapeHtml(block.link.url)}">${escapeHtml(block.link.label)}</a></p>`;
    })
    .join('\n');
  return `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${body}\n</body></html>\n`;
}

/**
 * Renders a message in the client's language (English or German; others fall back to English):
 * subject, plain text and HTML (every fact escaped) for email, and an SMS of at most 320 characters
 * with the link. Times are in the client's zone with the zone's name; the therapist's time is beside
 * it when it reads differently there; the choose-by is never later than the first alternative.
 * `templates` (from `compileMessageTemplates`) replace the built-in subject, "what happened",
 * SMS or sign-off of a kind and language; a message lacking a value one needs keeps the built-in part.
 */
export function renderMessage(facts: MessageFacts, templates?: MessageTemplates): RenderedMessage {
  checkFacts(facts);
  const { language, format } = messageLocale(facts.locale);
  const phrases = withTemplates(PHRASES[language], templates, language);
  const context = contextOf(facts, format);
  const subject = phrases.subject(context);
  const blocks = blocksOf(phrases, context, facts.offerUrl);
  const smsLink = asksToChoose(context) ? facts.offerUrl : undefined;
  return {
    subject,
    text: plainText(blocks),
    html: html(blocks, subject, language),
    sms: fitSms(phrases.sms(context), smsLink),
  };
}
