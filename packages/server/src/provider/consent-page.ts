import { escapeHtml } from '../internal/html.js';
import type { ExternalAccount } from '../store/store.js';
import { consentWords } from './consent-words.js';

export interface ConsentPageModel {
  appName: string;
  /** The pending authorization request the form answers. */
  requestId: string;
  accounts: (ExternalAccount & { name: string })[];
  /** Account pre-selected (the login hint). */
  selectedAccountId?: string;
  action: string;
  /** The authorization request's `ui_locales` (the kit's language): the page speaks the first one it has. */
  uiLocales?: string | undefined;
  /** The browser's `Accept-Language`, for a request without `ui_locales`. English when neither matches. */
  acceptLanguage?: string | undefined;
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

/**
 * The demo provider's consent screen: plain HTML, a labelled account choice, Approve and Deny, in the language the
 * request asks for (`consent-words.ts`), right to left for Arabic.
 */
export function renderConsentPage(model: ConsentPageModel): string {
  const words = consentWords(model.uiLocales, model.acceptLanguage);
  const app = escapeHtml(model.appName);
  const say = (template: string) => escapeHtml(template).replace('{app}', app);
  const selected = model.selectedAccountId ?? model.accounts[0]?.id;
  const options = model.accounts
    .map(
      (a) => `<label><input type="radio" name="account" value="${escapeHtml(a.id)}"${a.id === selected ? ' checked' : ''} required>
 <bdi>${escapeHtml(a.name)} &lt;${escapeHtml(a.email)}&gt;</bdi></label>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${words.lang}"${words.dir === 'rtl' ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
<title>${say(words.pageTitle)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${say(words.heading)}</h1>
<p>${say(words.intro)}</p>
<form method="post" action="${escapeHtml(model.action)}">
<input type="hidden" name="request" value="${escapeHtml(model.requestId)}">
<fieldset><legend>${say(words.account)}</legend>
${options}
</fieldset>
${pageChoice(model.pages, say(words.pages))}<div class="actions"><button type="submit" name="decision" value="deny">${say(words.deny)}</button>
<button type="submit" name="decision" value="approve">${say(words.approve)}</button></div>
</form>
</main></body></html>`;
}

/** Seed 004's "Select the accounts": the pages this consent grants, each one a checkbox. */
function pageChoice(pages: ConsentPageModel['pages'], legend: string): string {
  if (!pages?.length) return '';
  const boxes = pages
    .map((p) => `<label><input type="checkbox" name="page" value="${escapeHtml(p.id)}" checked> ${escapeHtml(p.name)}</label>`)
    .join('\n');
  return `<fieldset><legend>${legend}</legend>\n${boxes}\n</fieldset>\n`;
}

export function renderProviderErrorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorization error</title><style>${STYLE}</style></head>
<body><main><h1>Authorization error</h1><p role="alert">${escapeHtml(message)}</p></main></body></html>`;
}
