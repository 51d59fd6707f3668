import { useEffect, useSyncExternalStore } from 'react';
import { createRelinkClient, createRelinkStore, errorKind, isRelinkApiError, selectReauthNeeded, type RelinkStore } from '@relink/sdk';

// One store per page: the token comes from your backend, never from storage or a URL.
const store = createRelinkStore(
  createRelinkClient({ baseUrl: '/relink/v1', token: () => fetch('/session').then((r) => r.text()) }),
);

function useRelink(s: RelinkStore) {
  return useSyncExternalStore(s.subscribe, s.getSnapshot);
}

// The server's messages are written for people; the SDK's own text is not: give each other kind your words.
const explain = (e: unknown) => (isRelinkApiError(e) ? e.message
  : errorKind(e) === 'session' ? 'Your session expired. Sign in again.' : 'Relink cannot be reached. Nothing changed; try again.');

export function Connections() {
  const snapshot = useRelink(store);
  useEffect(() => {
    void store.connections.load();
    void store.notifications.load();
    return store.startLive(); // live updates while mounted
  }, []);

  const reauth = selectReauthNeeded(snapshot);
  const { status, items, error } = snapshot.connections;
  if (status === 'error') return <p role="alert">{explain(error)}</p>;
  if (status !== 'ready') return <p aria-busy="true">Loading…</p>;
  return (
    <section>
      {reauth.count > 0 && <p role="status">{reauth.firstAppName} reauth required</p>}
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            {c.app.name} — {c.label}: {c.status}
            {c.refreshable && (
              <button onClick={() => store.refresh(c.id).catch((e: unknown) => alert(explain(e)))}>Refresh credential</button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
