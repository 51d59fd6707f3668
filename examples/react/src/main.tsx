// Relink in a React 19 app: the @lit/react wrappers, one entry per element (a page pays only for what it wraps),
// typed props and `onManage`. The host's own code is what a product team writes: get a session token from its
// backend, and route "Manage" in React state instead of navigating.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RelinkProvider } from '@relink/elements/react/provider.js';
import { RelinkConnectionsTable } from '@relink/elements/react/connections-table.js';
import { RelinkToaster } from '@relink/elements/react/toaster.js';
import type { RelinkManageEvent } from '@relink/elements';
import { relinkApiUrl, sessionToken } from '../../shared/relink-session.js';

const baseUrl = relinkApiUrl();
const token = sessionToken('agency');

function App() {
  const [managing, setManaging] = useState<string>();

  // Host routing: cancel the link's navigation and show the connection in React state.
  const onManage = (event: RelinkManageEvent) => {
    event.preventDefault();
    setManaging(event.detail.connection.app.name);
  };

  return (
    <RelinkProvider baseUrl={baseUrl} token={token}>
      <header>
        <h1>Northwind Automations · React</h1>
      </header>
      <main>
        <h2 id="connections" tabIndex={-1}>Connections</h2>
        <p className="managing" role="status">
          {managing ? `Managing ${managing}` : 'Choose a connection to manage.'}
        </p>
        <RelinkConnectionsTable manageHref="/connections/{id}" onManage={onManage} />
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
