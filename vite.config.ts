import { defineConfig } from 'vite';

/**
 * The playground (playground/): a Vite app with the mock host running in the page.
 * `npm run build` also builds it as a static site into dist/playground.
 */
export default defineConfig({
  root: 'playground',
  publicDir: false,
  build: {
    outDir: '../dist/playground',
    emptyOutDir: true,
    target: 'es2022',
  },
});
