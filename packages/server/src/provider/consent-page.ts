import { escapeHtml } from '../internal/html.js';
import type { ExternalAccount } from '../store/store.js';

export interface ConsentPageModel {
  appName: string;
  /** The pending authorization request the form answers. */
  requestId: string;
  accounts: (ExternalAccount & { name: string })[];
  /** Account pre-selected (the login hint). */
  selectedAccountId?: string;
  action: string;
  /** Multi-account apps: the pages the user may grant, as checkboxes (all checked, as Facebook offers them). */
  pages?: { id: string; name: string }[];
}

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
main{max-width:28rem;margin:3rem auto;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 .5rem}fieldset{border:1px solid #d0d7de;border-radius:6px;margin:1rem 0;padding:.75rem}
label{display:block;padding:.25rem 0}.actions{display:flex;gap:.5rem;justify-content:flex-end}
button{font:inherit;padding:.375rem 1rem;border-radius:6px;border:1px solid #d0d7de;background:#f6f8fa;cursor:pointer}
button[value=approve]{background:#1f883d;border-color:#1a7f37;color:#fff}
:focus-visible{outline:2px solid #0969da;outline-offset:2px}`;

/** The demo provider's consent screen: plain HTML, a labelled account choice, Approve and Deny. */
export function renderConsentPage(model: ConsentPageModel): string {
  const app = escapeHtml(model.appName);
  const selected = model.selectedAccountId ?? model.accounts[0]?.id;
  const options = model.accounts
    .map(
      (a) => `<label><input type="radio" name="account" value="${escapeHtml(a.id)}"${a.id === selected ? ' checked' : ''} required>
 ${escapeHtml(a.name)} &lt;${escapeHtml(a.email)}&gt;</label>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
<title>Authorize ${app} — Relink demo provider</title><style>${STYLE}</style></head>
<body><main>
<h1>Authorize ${app}</h1>
<p>${app} is asking for access to your account. Choose the account to connect.</p>
<form method="post" action="${escapeHtml(model.action)}">
<input type="hidden" name="request" value="${escapeHtml(model.requestId)}">
<fieldset><legend>Account</legend>
${options}
</fieldset>
${pageChoice(model.pages)}<div class="actions"><button type="submit" name="decision" value="deny">Deny</button>
<button type="submit" name="decision" value="approve">Approve</button></div>
</form>
</main></body></html>`;
}

/** Seed 004's "Select the accounts": the pages this consent grants, each one a checkbox. */
function pageChoice(pages: ConsentPageModel['pages']): string {
  if (!pages?.length) return '';
  const boxes = pages
    .map((p) => `<label><input type="checkbox" name="page" value="${escapeHtml(p.id)}" checked> ${escapeHtml(p.name)}</label>`)
    .join('\n');
  return `<fieldset><legend>Pages</legend>\n${boxes}\n</fieldset>\n`;
}

export function renderProviderErrorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorization error</title><style>${STYLE}</style></head>
<body><main><h1>Authorization error</h1><p role="alert">${escapeHtml(message)}</p></main></body></html>`;
}
