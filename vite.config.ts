import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * msw's worker script, served beside the page so its service worker controls the playground (the
 * mock host runs in the page: nothing else has to be started). Read from @raincheck/mock-host's
 * build, so it always matches the msw version the mock host uses.
 */
function mockServiceWorker(): Plugin {
  const file = 'mockServiceWorker.js';
  const source = () => readFileSync(require.resolve('@raincheck/mock-host/mockServiceWorker.js'), 'utf8');
  return {
    name: 'raincheck-mock-service-worker',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0] !== `/${file}`) return next();
        response.setHeader('content-type', 'text/javascript');
        response.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: file, source: source() });
    },
  };
}

/**
 * The playground (playground/): a Vite app with the mock host running in the page. `npm start`
 * serves it; `npm run build` also builds it as a static site into dist/playground, hostable at any
 * path (relative base).
 */
/**
 * The reference host the playground talks to, when one runs (`npm start` starts it and sets
 * RAINCHECK_HOST_URL): served under the page's own origin at reference-host/, so no CORS is needed.
 */
const referenceHost = process.env.RAINCHECK_HOST_URL;
const proxy = referenceHost
  ? { '/reference-host': { target: referenceHost, rewrite: (path: string) => path.replace(/^\/reference-host/, '') } }
  : undefined;

export default defineConfig({
  // Absolute, so the config works from the repository root (`npm start`) and from playground/ (its build script).
  root: fileURLToPath(new URL('./playground', import.meta.url)),
  base: './',
  publicDir: false,
  plugins: [mockServiceWorker()],
  // json-rules-engine (CommonJS) reaches the page already bundled into @raincheck/policy's ESM build.
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false, ...(proxy ? { proxy } : {}) },
  preview: { ...(proxy ? { proxy } : {}) },
  build: {
    outDir: fileURLToPath(new URL('./dist/playground', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
});
