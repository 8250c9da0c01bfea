import { configureLocalization, str, type LocaleModule } from '@lit/localize';

/** The locale the widgets are written in. */
export const SOURCE_LOCALE = 'en';
/** Complete translations shipped with the widgets. */
export const TARGET_LOCALES = ['de'] as const;

const loaders: Record<(typeof TARGET_LOCALES)[number], () => Promise<LocaleModule>> = {
  de: () => import('./locales/de.js').then(({ templates }) => ({ templates: templates(str) })),
};

/** Whether a locale was chosen (by `setRaincheckLocale`, a `locale` attribute or a provider). */
let chosen = false;
let controls: ReturnType<typeof configureLocalization> | null | undefined;

/**
 * Configures @lit/localize on first use, not at import time. It can be configured once per page:
 * if the page's own app already did, the widgets keep the page's locale setup.
 */
function localization(): ReturnType<typeof configureLocalization> | null {
  if (controls === undefined) {
    try {
      controls = configureLocalization({
        sourceLocale: SOURCE_LOCALE,
        targetLocales: [...TARGET_LOCALES],
        loadLocale: (locale) => loaders[locale as (typeof TARGET_LOCALES)[number]](),
      });
    } catch {
      controls = null;
    }
  }
  return controls;
}

/** The best locale we ship for a BCP 47 tag: `de-AT` → `de`, anything unknown → `en`. */
export function supportedLocale(requested: string | undefined): string {
  const language = (requested ?? SOURCE_LOCALE).toLowerCase().split('-')[0]!;
  return (TARGET_LOCALES as readonly string[]).includes(language) ? language : SOURCE_LOCALE;
}

/**
 * Switches every Raincheck widget on the page to `locale` (at run time, no reload). Resolves once
 * the translations are loaded and the widgets re-render.
 */
export async function setRaincheckLocale(locale: string): Promise<void> {
  chosen = true;
  await localization()?.setLocale(supportedLocale(locale));
}

/**
 * The page's own language (`<html lang="en-GB">`, or the nearest `lang` around `element`): the
 * locale a widget falls back to when neither it nor its provider names one.
 */
export function pageLocale(element: Element): string | undefined {
  return element.closest<HTMLElement>('[lang]')?.lang || document.documentElement.lang || undefined;
}

/** Renders the widgets in the page's language, unless a locale was chosen explicitly. */
export async function followPageLocale(locale: string): Promise<void> {
  if (chosen || supportedLocale(locale) === getRaincheckLocale()) return;
  await localization()?.setLocale(supportedLocale(locale));
}

/** The locale the widgets currently render in. */
export function getRaincheckLocale(): string {
  return localization()?.getLocale() ?? SOURCE_LOCALE;
}
