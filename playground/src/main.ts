import '@raincheck/elements/define';
import './playground.css';
import { PgApp } from './app.js';
import { mockBackend } from './backend.js';
import { startPlaygroundHost } from './mock.js';
import { referenceBackend, referenceHostAnswers } from './reference.js';

/** This tab's demo practices on the reference host: a name of its own, kept across reloads. */
function tabNamespace(): string {
  const saved = sessionStorage.getItem('raincheck-playground-tab');
  if (saved) return saved;
  const made = `tab-${crypto.randomUUID().slice(0, 8)}`;
  sessionStorage.setItem('raincheck-playground-tab', made);
  return made;
}

const app = document.querySelector('pg-app');
try {
  if (!(app instanceof PgApp)) throw new Error('<pg-app> is missing from the page');
  const host = await startPlaygroundHost();
  // `npm start` runs the reference host beside the page, under reference-host/ (a static build has none).
  const referenceUrl = new URL('reference-host', document.baseURI).href;
  const reference = (await referenceHostAnswers(referenceUrl))
    ? referenceBackend(referenceUrl, tabNamespace())
    : undefined;
  app.start(host, { mock: mockBackend(host.host, host.baseUrl), ...(reference ? { reference } : {}) });
} catch (error) {
  // Without the service worker there is no host: say so instead of showing widgets that cannot load.
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `The playground could not start its mock host: ${error instanceof Error ? error.message : String(error)}`;
  app?.replaceChildren(message);
}
