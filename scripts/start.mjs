// `npm start` (after the build): the reference host on PGlite in .raincheck/data, with the
// development fixtures the playground uses, and the playground (Vite) beside it, talking to it.
// Ctrl-C stops both.
import { spawn } from 'node:child_process';

const children = [];
const stop = (code = 0) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

const host = spawn(
  process.execPath,
  ['packages/host/dist/cli.js', 'serve', '--data-dir', '.raincheck/data', '--fixtures', '--port', '0'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
children.push(host);
const url = await new Promise((resolve, reject) => {
  let output = '';
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    output += String(chunk);
    const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (found) resolve(found);
  });
  host.once('exit', (code) => reject(new Error(`raincheck-host serve exited with ${code}`)));
}).catch((error) => {
  // Without the reference host the playground still runs, on its in-page mock host.
  console.error(`${error.message}: the playground runs on its in-page mock host only.`);
  return undefined;
});

const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js'], {
  stdio: 'inherit',
  env: { ...process.env, ...(url ? { RAINCHECK_HOST_URL: url } : {}) },
});
children.push(vite);
vite.once('exit', (code) => stop(code ?? 0));
host.once('exit', () => {
  if (vite.exitCode === null)
    console.error('The reference host stopped; the playground goes on with its in-page mock host after a reload.');
});
