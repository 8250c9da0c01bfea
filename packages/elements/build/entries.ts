// The package's entry points, shared by the tsup build and the scripts that write each entry's types.

/** The main entry: the classes and every type, with no side effects. */
export const MAIN_ENTRY = 'src/index.ts';

/** The registration entries: `./define` (every element) and one per element. */
export const REGISTRATION_ENTRIES = [
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
] as const;

/** Where tsup writes an entry's module: `src/a/b.ts` → `dist/a/b.js` (it keeps the folders). */
export function distModule(entry: string): string {
  return entry.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}
