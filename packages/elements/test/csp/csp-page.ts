// A partner page with a strict CSP: records every violation, then shows a widget against the mock host.
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { setRaincheckLocale } from '@raincheck/elements';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
);
const page = globalThis as unknown as { raincheck: { violations: string[]; setLocale: typeof setRaincheckLocale } };
page.raincheck = { violations, setLocale: setRaincheckLocale };

const BASE = 'https://partner.test/api';
const host = createMockHost();
const el = document.createElement('rc-cancel-session');
el.setAttribute('session-id', 'ses-1');
el.setAttribute('base-url', BASE);
el.fetch = host.fetchAt(BASE);
// The therapist's bearer token, as a partner's page gets it from its backend.
el.getAccessToken = () => host.token('therapist');
document.body.append(el);
