import { html, nothing, type TemplateResult } from 'lit';
import type { ConnectionUsage } from '@relink/sdk';
import type { DialogCloseReason } from '../events/dialog.js';

/** The confirmation dialog, as its body sees it (`ConfirmDialogElement`, which owns `open`, the events and focus). */
export interface DialogHost {
  readonly busy: boolean;
  requestClose(reason: DialogCloseReason): unknown;
}

/** What one dialog says and does: title, body, what the element adds (`extra`), the error (already said), the actions. */
export interface DialogContent {
  title: string;
  body: string;
  extra?: unknown;
  error: string | undefined;
  cancel: string;
  confirm: string;
  onConfirm: () => void;
}

/**
 * The confirmation dialogs' `<dialog>`, loaded as a dialog first opens (or its trigger is hovered or focused): most
 * pages never open one. Its rules stay with the element's own (`confirmDialogStyles`), so they apply from the first
 * frame the dialog shows in. Like every on-demand module it imports nothing but lit and types, so it never splits the
 * page's own code out of its entry (`test/on-demand-leaves.node.test.ts`).
 */
export function renderDialog(host: DialogHost, d: DialogContent): TemplateResult {
  // Escape asks first, so a host can keep the dialog open.
  const cancel = (event: Event): void => {
    event.preventDefault();
    void host.requestClose('escape');
  };
  // The browser closed the dialog without asking (it may skip `cancel` on a repeated Escape): the element follows
  // it, and puts it back if the host cancels the close.
  // A `close` that arrives once the dialog is open again (from a close just before a reopen) is stale.
  const closed = (event: Event): void => void ((event.target as HTMLDialogElement).open || host.requestClose('escape'));
  return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="body" @cancel=${cancel} @close=${closed}>
      <h2 part="title" id="title">${d.title}</h2>
      <p part="body" id="body">${d.body}</p>
      ${d.extra ?? nothing}
      <p part="error" role="alert" ?hidden=${d.error === undefined}>${d.error ?? nothing}</p>
      <div part="actions">
        <button part="cancel" class="btn" type="button" autofocus @click=${() => void host.requestClose('cancel')}>${d.cancel}</button>
        <button part="confirm" class="btn danger" type="button" aria-disabled=${host.busy ? 'true' : 'false'}
          aria-busy=${host.busy ? 'true' : 'false'} @click=${d.onConfirm}>${d.confirm}</button>
      </div>
    </dialog>`;
}

/** What `relink-remove-dialog` says stops working: loading, unknown, nothing, or the workflows and the runs that pause. */
export function renderUsage(u: {
  usage: ConnectionUsage | undefined;
  failed: boolean;
  m: { usageUnknown: string; loadingUsage: string; unused: string; usageLead: string };
  /** "3 runs will pause", in the page's language. */
  liveRuns: (n: number) => string;
}): TemplateResult {
  const { usage, m } = u;
  if (u.failed) return html`<p part="usage">${m.usageUnknown}</p>`;
  if (!usage) return html`<p part="usage" role="status">${m.loadingUsage}</p>`;
  if (usage.workflows.length === 0) return html`<p part="usage">${m.unused}</p>`;
  return html`<div part="usage">
    <p>${m.usageLead}</p>
    <ul>${usage.workflows.map((w) => html`<li>${w.workflowName}</li>`)}</ul>
    ${usage.liveRuns > 0 ? html`<p>${u.liveRuns(usage.liveRuns)}</p>` : nothing}
  </div>`;
}
