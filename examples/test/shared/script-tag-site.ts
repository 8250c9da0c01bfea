// A plain HTML partner page on the script-tag build: the page holds the widgets' markup and
// `<script type="module" src>` tags only; no bundler, no import map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteFile } from './partner-browser.js';

/** The page: the mock host's script first (it configures `<rc-provider>`), then the loader. */
export const SCRIPT_TAG_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Partner site</title></head>
  <body>
    <rc-provider base-url="https://partner.test/api" locale="en-GB">
      <rc-cancel-session session-id="ses-1"></rc-cancel-session>
    </rc-provider>
    <script type="module" src="/mock-host.js"></script>
    <script type="module" src="/raincheck/raincheck.js"></script>
  </body>
</html>`;

/** The site's files: the page, the mock host's module, and `/raincheck/*` from `scriptTagDir`. */
export function scriptTagSite(scriptTagDir: string, mockHost: string): (path: string) => SiteFile | undefined {
  return (path) => {
    if (path === '/') return { body: SCRIPT_TAG_PAGE, contentType: 'text/html' };
    if (path === '/mock-host.js') return { body: mockHost, contentType: 'text/javascript' };
    const file = /^\/raincheck\/([\w.-]+\.js)$/.exec(path)?.[1];
    if (file) {
      try {
        return { body: readFileSync(join(scriptTagDir, file)), contentType: 'text/javascript' };
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
}
