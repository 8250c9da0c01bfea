// A partner's React page: the Raincheck components on the Express server's host (/raincheck),
// with tokens from its /raincheck-token endpoint.
import { RcCancelSession, RcProvider } from '@raincheck/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

async function getAccessToken(): Promise<string> {
  const response = await fetch('/raincheck-token', { credentials: 'same-origin' });
  return ((await response.json()) as { token: string }).token;
}

function CancelPage({ sessionId }: { readonly sessionId: string }) {
  const [heading, setHeading] = useState('Cancel a session');
  return (
    <>
      <h1>{heading}</h1>
      <RcProvider baseUrl="/raincheck" locale="en-GB" getAccessToken={getAccessToken}>
        <RcCancelSession
          sessionId={sessionId}
          onRcCancelSuccess={(event) =>
            setHeading(event.detail.kind === 'cancel' ? 'Session cancelled' : 'Sent to the team')
          }
        />
      </RcProvider>
    </>
  );
}

const sessionId = new URLSearchParams(location.search).get('session') ?? 'ses-2';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CancelPage sessionId={sessionId} />
  </StrictMode>,
);
