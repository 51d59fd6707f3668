import { html, nothing } from 'lit';
import type { RelinkSnapshot } from '@relink/sdk';
import type { CommonMessages } from '../translations/translation.js';

/**
 * "This may be out of date": the note the data elements show while the service cannot be reached, so old data is
 * never passed off as current (the table shows its error; the banner, bell and runs keep their data but say so).
 * All of them read the same store, so they clear together when the live stream comes back.
 */
export type StaleMessages = Pick<CommonMessages, 'stale'>;

/** The live stream is down, or the shown collection's last reload failed while it still shows items. */
export const isStale = (snapshot: Pick<RelinkSnapshot, 'live'>, collection?: { status: string; items: readonly unknown[] }): boolean =>
  snapshot.live === 'reconnecting' || (collection?.status === 'error' && collection.items.length > 0);

/** `part="stale"`, a polite status line, or nothing. */
export const staleNote = (stale: boolean, m: StaleMessages) =>
  stale ? html`<p part="stale" role="status">${m.stale}</p>` : nothing;
