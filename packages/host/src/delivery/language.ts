/** The languages messages are written in; any other locale falls back to English. */
export type MessageLanguage = 'en' | 'de';

/** The language a message is written in and the locale its dates and amounts are formatted with. */
export interface MessageLocale {
  readonly language: MessageLanguage;
  /** The client's own locale when it is valid and in a supported language (`en-GB`, `de-AT`), else the language. */
  readonly format: string;
}

/** Resolves a client's BCP 47 locale: `de-AT` → German formatted the Austrian way, `fr` or `x!` → English. */
export function messageLocale(locale: string): MessageLocale {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(locale)[0];
  } catch {
    canonical = undefined;
  }
  const language = canonical?.split('-')[0]?.toLowerCase() === 'de' ? 'de' : 'en';
  const format = canonical !== undefined && canonical.split('-')[0]?.toLowerCase() === language ? canonical : language;
  return { language, format };
}
