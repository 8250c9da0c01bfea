import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';
import { minifyTemplatesPlugin } from './build/minify-templates.js';

export default defineConfig({
  ...libraryDefaults,
  entry: [
    'src/index.ts',
    'src/define.ts',
    'src/provider/define-provider.ts',
    'src/cancel-session/define-cancel-session.ts',
    'src/reschedule-session/define-reschedule-session.ts',
    'src/refund-request/define-refund-request.ts',
    'src/attendance-update/define-attendance-update.ts',
    'src/availability/define-availability.ts',
    'src/client-response/define-client-response.ts',
    'src/cancellation-standing/define-cancellation-standing.ts',
    'src/team-queue/define-team-queue.ts',
  ],
  // Keeps the per-component folders, so `sideEffects` can name the registration files.
  outDir: 'dist',
  external: [/^@raincheck\//, /^lit/, /^@lit\//],
  esbuildPlugins: [minifyTemplatesPlugin],
});
