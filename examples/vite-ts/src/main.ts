// Relink in a Vite + TypeScript (strict) app: per-element imports, typed elements and events from the package's own
// declarations, and "Manage" routed by the host instead of navigating.
import '@relink/elements/provider.js';
import '@relink/elements/connections-table.js';
import '@relink/elements/toaster.js';
import type { RelinkManageEvent } from '@relink/elements';
import type { Connection } from '@relink/sdk';
import { relinkApiUrl, sessionToken } from '../../shared/relink-session.js';

const provider = document.querySelector('relink-provider')!;
provider.baseUrl = relinkApiUrl();
provider.token = sessionToken('agency');

const managing = document.querySelector<HTMLElement>('#managing')!;
document.addEventListener('relink-manage', (event: RelinkManageEvent) => {
  event.preventDefault();
  const connection: Connection = event.detail.connection;
  managing.textContent = `Managing ${connection.app.name}`;
});
