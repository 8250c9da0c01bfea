// The custom elements manifest (custom-elements.json), generated from the components' JSDoc.
import { cssPropertiesFromTokens, distModulePaths } from './build/manifest-plugins.mjs';

/** Keeps the public API only: internal state (`state: true`, private, protected) is not an attribute. */
function publicApiOnly() {
  return {
    name: 'raincheck-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const hidden = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected' || m.name.startsWith('#')).map((m) => m.name));
          hidden.add('config');
          declaration.members = (declaration.members ?? []).filter((m) => !hidden.has(m.name));
          declaration.attributes = (declaration.attributes ?? []).filter((a) => !hidden.has(a.fieldName ?? a.name));
          // Events dispatched under a computed name are documented with @event on the component.
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
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
  // Module paths name the shipped dist/ files; custom properties come from the tokens.
  plugins: [publicApiOnly(), cssPropertiesFromTokens(), distModulePaths()],
};
