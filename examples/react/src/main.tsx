// Relink in a React 19 app: the @lit/react wrappers (typed props, `onManage`) and a Relink tag used directly
// (React 19 passes properties and `on<event>` listeners to custom elements). The host's own code is what a product
// team writes: get a session token from its backend, and route "Manage" in React state instead of navigating.
import { StrictMode, useState, type DetailedHTMLProps, type HTMLAttributes } from 'react';
import { createRoot } from 'react-dom/client';
import { RelinkConnectionsTable, RelinkProvider, RelinkToaster } from '@relink/elements/react';
import type { RelinkManageEvent, RelinkNavigateEvent, RelinkReauthBanner } from '@relink/elements';
import '@relink/elements/reauth-banner.js';
// The host's token getter, shared with the demo: its backend mints the token, the browser keeps it in memory.
import { sessionToken } from '../../../demo/src/session.js';

// The tag used directly: its attributes, and `onrelink-navigate` (React 19 adds it as a `relink-navigate` listener).
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augmenting React's JSX namespace is how a tag gets types
  namespace JSX {
    interface IntrinsicElements {
      'relink-reauth-banner': DetailedHTMLProps<HTMLAttributes<RelinkReauthBanner>, RelinkReauthBanner> & {
        href?: string;
        'onrelink-navigate'?: (event: RelinkNavigateEvent) => void;
      };
    }
  }
}

const token = sessionToken('agency');

function App() {
  const [managing, setManaging] = useState<string>();

  // Host routing: cancel the link's navigation and show the connection in React state.
  const onManage = (event: RelinkManageEvent) => {
    event.preventDefault();
    setManaging(event.detail.connection.app.name);
  };
  // The banner's link goes to the connections list, which is on this page already.
  const onBannerNavigate = (event: RelinkNavigateEvent) => {
    event.preventDefault();
    document.getElementById('connections')?.focus();
  };

  return (
    <RelinkProvider baseUrl="/v1" token={token}>
      <header>
        <h1>Northwind Automations · React</h1>
      </header>
      <relink-reauth-banner href="/examples/react/connections" onrelink-navigate={onBannerNavigate} />
      <main>
        <h2 id="connections" tabIndex={-1}>Connections</h2>
        <p className="managing" role="status">
          {managing ? `Managing ${managing}` : 'Choose a connection to manage.'}
        </p>
        <RelinkConnectionsTable manageHref="/examples/react/connections/{id}" onManage={onManage} />
      </main>
      <RelinkToaster />
    </RelinkProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
