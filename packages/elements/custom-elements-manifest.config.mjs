// The custom elements manifest (custom-elements.json), generated from the components' JSDoc.
import { cssPropertiesFromTokens, distModulePaths } from './build/manifest-plugins.mjs';

/** Keeps the public API only: internal state (`state: true`, private, protected) is not an attribute. */
function publicApiOnly() {
  return {
    name: 'raincheck-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const hidden = new Set(
            (declaration.members ?? [])
              .filter((m) => m.privacy === 'private' || m.privacy === 'protected' || m.name.startsWith('#'))
              .map((m) => m.name),
          );
          hidden.add('config');
          declaration.members = (declaration.members ?? []).filter((m) => !hidden.has(m.name));
          declaration.attributes = (declaration.attributes ?? []).filter((a) => !hidden.has(a.fieldName ?? a.name));
        }
      }
    },
  };
}

/**
 * The events, from the code: each widget's `static events = [SomeEvent, …]` names its event
 * classes, and each class in src/events/ gives its literal `eventName`, its detail type and its
 * TSDoc. No `@event` tag to keep in step by hand.
 */
function eventsFromCode() {
  const eventClasses = new Map();
  const widgetEvents = new Map();
  return {
    name: 'raincheck-events-from-code',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const statics = node.members.filter(
        (m) => ts.isPropertyDeclaration(m) && m.modifiers?.some((mod) => mod.kind === ts.SyntaxKind.StaticKeyword),
      );
      const named = (name) => statics.find((m) => m.name.getText() === name);
      const eventName = named('eventName')?.initializer;
      if (eventName && ts.isStringLiteral(eventName)) {
        const heritage = node.heritageClauses?.flatMap((clause) => clause.types) ?? [];
        const detail = heritage[0]?.typeArguments?.[0]?.getText();
        const description = (node.jsDoc ?? [])
          .map((doc) => (typeof doc.comment === 'string' ? doc.comment : ''))
          .join('\n')
          .trim();
        eventClasses.set(node.name.text, {
          name: eventName.text,
          ...(detail ? { type: { text: detail } } : {}),
          ...(description ? { description } : {}),
        });
      }
      let list = named('events')?.initializer;
      while (list && (ts.isAsExpression(list) || ts.isSatisfiesExpression?.(list))) list = list.expression;
      if (list && ts.isArrayLiteralExpression(list))
        widgetEvents.set(
          node.name.text,
          list.elements.map((element) => element.getText()),
        );
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const classes = widgetEvents.get(declaration.name);
          if (!declaration.customElement || !classes) continue;
          declaration.events = classes.map((name) => {
            const event = eventClasses.get(name);
            if (!event)
              throw new Error(
                `custom-elements-manifest: ${declaration.name}.events names ${name}, which is no event class with a literal eventName in src/events/`,
              );
            return event;
          });
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/localization/locales/**'],
  outdir: '.',
  litelement: true,
  // Events from the code; module paths name the shipped dist/ files; custom properties come from the tokens.
  plugins: [publicApiOnly(), eventsFromCode(), cssPropertiesFromTokens(), distModulePaths()],
};
