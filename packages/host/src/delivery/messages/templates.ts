// Partners' own wording for a message's subject, "what happened" paragraph(s), SMS and sign-off, per
// language and kind, from a JSON file (`--message-templates`). Placeholders are checked at start; a
// message lacking a value a template needs gets the built-in wording for that part instead.
import { DeliveryConfigError } from '../config-error.js';
import type { MessageLanguage } from '../language.js';
import type { MessageKind } from '../types.js';
import type { MessageContext } from './phrases.js';

/** The parts a template may replace. */
export const TEMPLATE_PARTS = ['subject', 'happened', 'sms', 'signOff'] as const;
/** A part a template may replace. */
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

const KINDS: readonly MessageKind[] = [
  'session-cancelled',
  'session-rearranged',
  'session-not-held',
  'refund-issued',
  'refund-declined',
  'offer-reminder',
  'offer-answered',
  'offer-expired',
];
const LANGUAGES: readonly MessageLanguage[] = ['en', 'de'];

/** Each placeholder and where its value comes from (already formatted for the client). */
const PLACEHOLDERS = {
  client: (c) => c.client,
  therapist: (c) => c.therapist,
  session: (c) => c.session,
  sessionShort: (c) => c.sessionShort,
  zone: (c) => c.zone,
  newTime: (c) => c.newTime,
  newTimeShort: (c) => c.newTimeShort,
  chooseBy: (c) => c.chooseBy,
  chooseByShort: (c) => c.chooseByShort,
  refund: (c) => c.refund?.amount,
  note: (c) => c.note,
} satisfies Record<string, (context: MessageContext) => string | undefined>;
type Placeholder = keyof typeof PLACEHOLDERS;
const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(PLACEHOLDERS, name);
const KNOWN = Object.keys(PLACEHOLDERS)
  .map((name) => `{${name}}`)
  .join(', ');

/** One checked template: its text split into literal text and placeholders. */
type Compiled = readonly (string | { readonly placeholder: Placeholder })[];

/** Checked templates by language, kind and part. */
export type MessageTemplates = Readonly<
  Partial<Record<MessageLanguage, Partial<Record<MessageKind, Partial<Record<TemplatePart, Compiled>>>>>>
>;

function compileOne(text: string, where: string, fail: (message: string) => never): Compiled {
  const pieces: (string | { placeholder: Placeholder })[] = [];
  let rest = text;
  for (let match = /\{([^{}]*)\}/.exec(rest); match; match = /\{([^{}]*)\}/.exec(rest)) {
    const name = match[1]!;
    if (!isPlaceholder(name)) fail(`${where}: unknown placeholder {${name}}; known: ${KNOWN}`);
    if (match.index > 0) pieces.push(rest.slice(0, match.index));
    pieces.push({ placeholder: name });
    rest = rest.slice(match.index + match[0].length);
  }
  if (/[{}]/.test(rest)) fail(`${where}: an unmatched { or }`);
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/**
 * Checks templates read from JSON (`{ "de": { "session-cancelled": { "sms": "…{sessionShort}…" } } }`):
 * known languages, kinds and parts, strings, known placeholders, a subject on one line. Throws a
 * {@link DeliveryConfigError} naming `source`, the JSON path and what is wrong.
 */
export function compileMessageTemplates(json: unknown, source: string, flag = '--message-templates'): MessageTemplates {
  const fail = (message: string): never => {
    throw new DeliveryConfigError(flag, `${flag} ${source}: ${message}`);
  };
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isRecord(json)) fail('expected an object of languages, e.g. { "de": { "session-cancelled": { "sms": "…" } } }');
  const templates: Partial<
    Record<MessageLanguage, Partial<Record<MessageKind, Partial<Record<TemplatePart, Compiled>>>>>
  > = {};
  for (const [language, kinds] of Object.entries(json as Record<string, unknown>)) {
    if (!LANGUAGES.includes(language as MessageLanguage))
      fail(`${language}: unknown language; messages exist in ${LANGUAGES.join(', ')}`);
    if (!isRecord(kinds)) fail(`${language}: expected an object of message kinds`);
    const byKind: Partial<Record<MessageKind, Partial<Record<TemplatePart, Compiled>>>> = {};
    for (const [kind, parts] of Object.entries(kinds as Record<string, unknown>)) {
      if (!KINDS.includes(kind as MessageKind))
        fail(`${language}.${kind}: unknown message kind; known: ${KINDS.join(', ')}`);
      if (!isRecord(parts)) fail(`${language}.${kind}: expected an object of parts (${TEMPLATE_PARTS.join(', ')})`);
      const byPart: Partial<Record<TemplatePart, Compiled>> = {};
      for (const [part, text] of Object.entries(parts as Record<string, unknown>)) {
        const where = `${language}.${kind}.${part}`;
        if (!TEMPLATE_PARTS.includes(part as TemplatePart))
          fail(`${where}: unknown part; known: ${TEMPLATE_PARTS.join(', ')}`);
        if (typeof text !== 'string' || text.trim() === '') fail(`${where}: expected a non-empty string`);
        if (part === 'subject' && /[\r\n]/.test(text as string)) fail(`${where}: a subject is one line`);
        byPart[part as TemplatePart] = compileOne(text as string, where, fail);
      }
      byKind[kind as MessageKind] = byPart;
    }
    templates[language as MessageLanguage] = byKind;
  }
  return templates;
}

/** The template filled for this message, or undefined when there is none or the message lacks a value it needs. */
export function fillTemplate(
  templates: MessageTemplates | undefined,
  language: MessageLanguage,
  part: TemplatePart,
  context: MessageContext,
): string | undefined {
  const compiled = templates?.[language]?.[context.kind]?.[part];
  if (compiled === undefined) return undefined;
  let text = '';
  for (const piece of compiled) {
    if (typeof piece === 'string') text += piece;
    else {
      const value = PLACEHOLDERS[piece.placeholder](context);
      if (value === undefined) return undefined;
      text += value;
    }
  }
  return text;
}
