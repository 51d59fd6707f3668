import { html, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';

/**
 * The host's "Add connection" (seed 000: "You can also link apps directly while building an automation"): its own
 * button and modal dialog around `relink-app-catalog`. Choosing an app starts its consent in a popup (OAuth) or opens
 * its API-key form; Relink's toast confirms, the new row appears in the table from the store, and the host hears
 * `relink-connection-created` — where a workflow builder would pick the new connection up; the demo closes the dialog.
 */
export function addConnection(): TemplateResult {
  const dialog = createRef<HTMLDialogElement>();
  const close = () => dialog.value?.close();
  return html`<div class="page-actions">
      <button type="button" class="primary" aria-haspopup="dialog" @click=${() => dialog.value?.showModal()}>Add connection</button>
    </div>
    <dialog ${ref(dialog)} class="add-connection" aria-labelledby="add-connection-title" @relink-connection-created=${close}>
      <div class="dialog-head">
        <h2 id="add-connection-title">Add a connection</h2>
        <button type="button" @click=${close}>Close</button>
      </div>
      <p class="lede">Pick an app to connect. Signing in opens the app's consent page in a popup.</p>
      <relink-app-catalog></relink-app-catalog>
    </dialog>`;
}
