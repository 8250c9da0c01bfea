/**
 * @raincheck/elements — the widgets' classes, with no side effects: import
 * `@raincheck/elements/define` (or a single `define-*.js`) to register the tags.
 * @packageDocumentation
 */
// Every widget's class and the types of its events, from the registry (the build lists them).
export * from './widgets.generated.js';
export type { WidgetState, WidgetErrorDetail } from './internal/flow-element.js';
export { RaincheckEvent } from './events/raincheck-event.js';
export { DecisionEvent } from './events/decision-event.js';
export type { DecisionDetail } from './events/decision-event.js';
export { WIDGETS } from './registry.js';
export type { WidgetRegistration, WidgetSubjectAttribute, WidgetTag } from './registry.js';
export { RcProvider } from './provider/provider.js';
export { raincheckConfigContext, checkedUrl, ConfigurationError } from './config/config.js';
export type { RaincheckConfig, RulesSource } from './config/config.js';
export { setRaincheckLocale, getRaincheckLocale, SOURCE_LOCALE, TARGET_LOCALES } from './localization/localization.js';
