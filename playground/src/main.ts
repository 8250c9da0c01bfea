import '@raincheck/elements/define';
import './playground.css';
import { PgApp } from './app.js';
import { startPlaygroundHost } from './mock.js';

const app = document.querySelector('pg-app');
try {
  if (!(app instanceof PgApp)) throw new Error('<pg-app> is missing from the page');
  app.start(await startPlaygroundHost());
} catch (error) {
  // Without the service worker there is no host: say so instead of showing widgets that cannot load.
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `The playground could not start its mock host: ${error instanceof Error ? error.message : String(error)}`;
  app?.replaceChildren(message);
}
