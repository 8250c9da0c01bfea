// A partner page's mock host for browser tests: one ES module (bundled here with esbuild) that
// starts @raincheck/mock-host in the page and hands `<rc-provider>` its `fetch` and tokens, as a
// partner's preview or test page would. It must run before the widgets are defined.
import { build } from 'esbuild';

/**
 * The module's text. `resolveDir` is where `@raincheck/mock-host` is installed from (the
 * repository, or a partner's folder with the packed tarballs installed).
 */
export async function mockHostScript(
  resolveDir: string,
  options: { baseUrl: string; scenario?: string },
): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { createMockHost } from '@raincheck/mock-host';
        const host = createMockHost({ scenario: ${JSON.stringify(options.scenario ?? 'ordinary-cancellation')} });
        const provider = document.querySelector('rc-provider');
        provider.fetch = host.fetchAt(${JSON.stringify(options.baseUrl)});
        provider.getAccessToken = () => host.token('therapist');
        globalThis.mockHost = host;`,
      resolveDir,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser', 'production'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
