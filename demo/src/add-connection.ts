import { html, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import { words } from './words.js';

/**
 * The host's "Add connection" (seed 000: "You can also link apps directly while building an automation"): its own
 * button and modal dialog around `relink-app-catalog`. Choosing an app starts its consent in a popup (OAuth) or opens
 * its API-key form; Relink's toast confirms, the new row appears in the table from the store, and the host hears
 * `relink-connection-created` — where a workflow builder would pick the new connection up; the demo closes the dialog.
 */
export function addConnection(): TemplateResult {
  const w = words();
  const dialog = createRef<HTMLDialogElement>();
  const close = () => dialog.value?.close();
  return html`<div class="page-actions">
      <button type="button" class="primary" aria-haspopup="dialog" @click=${() => dialog.value?.showModal()}>${w.addConnection}</button>
    </div>
    <dialog ${ref(dialog)} class="add-connection" aria-labelledby="add-connection-title" @relink-connection-created=${close}>
      <div class="dialog-head">
        <h2 id="add-connection-title">${w.addConnectionTitle}</h2>
        <button type="button" @click=${close}>${w.close}</button>
      </div>
      <p class="lede">${w.addConnectionLede}</p>
      <relink-app-catalog></relink-app-catalog>
    </dialog>`;
}
