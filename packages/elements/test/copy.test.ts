// The kit's copy registry: one place to set a word, languages by `lang` (loaded on demand), composite elements that
// pass their words down, and values isolated for bidi.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/status-badge/status-badge.js';
import '../src/components/connections-table/connections-table.js';
import '../src/components/connection-detail/connection-detail.js';
import '../src/components/reauth-banner/reauth-banner.js';
import '../src/components/notification-bell/notification-bell.js';
import '../src/components/run-detail/run-detail.js';
import '../src/components/toaster/toaster.js';
import '../src/components/revoke-dialog/revoke-dialog.js';
import type { RelinkRevokeDialog } from '../src/components/revoke-dialog/revoke-dialog.js';
import type { RelinkStatusBadge } from '../src/components/status-badge/status-badge.js';
import type { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import type { RelinkConnectionDetail } from '../src/components/connection-detail/connection-detail.js';
import type { RelinkRunDetail } from '../src/components/run-detail/run-detail.js';
import { registerTranslation, setMessages } from '../src/index.js';
import { fill } from '../src/internal/fill.js';
import { loaders } from '../src/translations/loader.js';
import type { TranslationDraft } from '../src/translations/translation.js';
import { part } from './helpers.js';
import { demo, inProvider, text, toasts } from './relink.js';

const label = (badge: Element) => part(badge, 'label')!.textContent;
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

async function badge(status: string, attrs: { lang?: string } = {}): Promise<RelinkStatusBadge> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${attrs.lang ?? 'en'}><relink-status-badge status=${status} expires-in-days="3"></relink-status-badge></div>`);
  const el = wrapper.querySelector<RelinkStatusBadge>('relink-status-badge')!;
  await el.updateComplete;
  return el;
}

/** Every text in `root` and in the shadow roots inside it (the whole page as a user sees it, hidden announcements included). */
function deepText(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out += `${node.textContent} `;
    if ((node as Element).shadowRoot) walk((node as Element).shadowRoot!);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out.replace(/\s+/g, ' ');
}

describe('copy registry', () => {
  afterEach(() => {
    for (const lang of ['', 'zz', 'zz-yy']) setMessages({}, lang);
  });

  it('English by default; setMessages() sets a word for every element at once, live; messages still win for one element', async () => {
    const [a, b] = [await badge('error'), await badge('error')];
    expect(label(a)).to.equal('error');
    setMessages({ common: { error: 'Expired' } });
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect([label(a), label(b)]).to.deep.equal(['Expired', 'Expired']);
    b.messages = { error: 'Broken' };
    await b.updateComplete;
    expect([label(a), label(b)]).to.deep.equal(['Expired', 'Broken']);
    setMessages({});
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect([label(a), label(b)]).to.deep.equal(['error', 'Broken']);
  });

  it('resolution order: messages > host words (tag, base, every language) > registered language (tag, base) > English', async () => {
    registerTranslation(
      { $code: 'zz', common: { error: 'zz error', active: 'zz active', pending: 'zz pending' }, 'status-badge': { expiresHint: { other: 'zz {n}' } } },
      { $code: 'zz-YY', common: { error: 'zz-YY error' } },
    );
    const el = await badge('error', { lang: 'zz-YY' });
    const words = async () => {
      el.requestUpdate();
      await el.updateComplete;
      const m = (el as unknown as { m: Record<string, unknown> }).m;
      return [m.error, m.active, m.pending, m.revoked];
    };
    expect(await words(), 'tag, then base language, then English').to.deep.equal(['zz-YY error', 'zz active', 'zz pending', 'revoked']);
    setMessages({ common: { error: 'all error', active: 'all active', revoked: 'all revoked' } });
    expect(await words(), 'the host over any language').to.deep.equal(['all error', 'all active', 'zz pending', 'all revoked']);
    setMessages({ common: { active: 'zz host active' } }, 'zz');
    setMessages({ common: { error: 'zz-yy host error' } }, 'zz-yy');
    expect(await words(), 'the host per language over the host for all').to.deep.equal(['zz-yy host error', 'zz host active', 'zz pending', 'all revoked']);
    el.messages = { error: 'own error' };
    expect(await words(), "the element's messages over everything").to.deep.equal(['own error', 'zz host active', 'zz pending', 'all revoked']);
    el.status = 'active';
    await el.updateComplete;
    expect(part(el, 'hint')!.textContent, 'plural forms from the base language').to.equal('zz 3');
  });

  it('re-renders when an ancestor lang changes to a registered language, and back', async () => {
    registerTranslation({ $code: 'zx', common: { pending: 'zx pending' } });
    const el = await badge('pending');
    expect(label(el)).to.equal('pending');
    el.parentElement!.lang = 'zx';
    await nextTask(); // mutation records arrive before the next task
    await el.updateComplete;
    expect(label(el)).to.equal('zx pending');
    el.parentElement!.lang = 'en';
    await nextTask();
    await el.updateComplete;
    expect(label(el)).to.equal('pending');
  });

  it('a host word of the wrong type is ignored with one console warning naming it, never a blank element', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      setMessages({ common: { revoked: 42 as unknown as string }, 'status-badge': { revokedDescription: { other: 7 } as unknown as string } });
      const els = [await badge('revoked'), await badge('revoked')];
      els[0]!.withDescription = true;
      for (const el of els) el.requestUpdate();
      await Promise.all(els.map((el) => el.updateComplete));
      expect(els.map(label)).to.deep.equal(['revoked', 'revoked']);
      expect(part(els[0]!, 'description')!.textContent).to.equal('This connection was revoked. Reconnect to keep workflows running.');
      expect(warnings.filter((w) => w.includes('common.revoked ')), 'one warning for common.revoked').to.have.length(1);
      expect(warnings.filter((w) => w.includes('.revokedDescription ')), 'one for the description').to.have.length(1);
      expect(warnings.join('\n')).to.contain('setMessages() common.revoked is ignored: it should be a string.');
      // A namespace that is not an object at all.
      setMessages({ 'status-badge': 'Expired' as unknown as object });
      const el = await badge('revoked');
      el.requestUpdate();
      await el.updateComplete;
      expect(label(el)).to.equal('revoked');
      expect(warnings.filter((w) => w.includes('status-badge is ignored: it should be an object'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('plural forms must be plural forms: a string in their place is ignored', async () => {
    const warn = console.warn;
    let warned = 0;
    console.warn = () => void warned++;
    try {
      setMessages({ 'status-badge': { expiresHint: 'soon' as unknown as { other: string } } });
      const el = await badge('active');
      expect(part(el, 'hint')!.textContent).to.equal('Reconnect within 3 days');
      expect(warned).to.equal(1);
    } finally {
      console.warn = warn;
    }
  });
});

describe('languages loaded on demand', () => {
  it('the first element with an unknown lang imports its language once; English shows until it arrives', async () => {
    let calls = 0;
    let arrive!: () => void;
    loaders.zq = () => {
      calls++;
      return new Promise((resolve) => (arrive = () => resolve({ default: { $code: 'zq', common: { active: 'zq active' } } satisfies TranslationDraft })));
    };
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="zq-AA"><relink-status-badge status="active"></relink-status-badge><relink-status-badge status="active"></relink-status-badge></div>`);
      const els = [...wrapper.querySelectorAll<RelinkStatusBadge>('relink-status-badge')];
      await Promise.all(els.map((el) => el.updateComplete));
      expect(els.map(label), 'English while it loads, never blank').to.deep.equal(['active', 'active']);
      expect(calls).to.equal(1);
      arrive();
      await waitUntil(() => els.every((el) => label(el) === 'zq active'), 'every element re-rendered in the language');
      expect(calls).to.equal(1);
    } finally {
      delete loaders.zq;
    }
  });

  it('lang="de" imports the shipped German file (its own chunk) once, and the badge re-renders with its words', async () => {
    const shipped = loaders.de!;
    let calls = 0;
    loaders.de = () => (calls++, shipped());
    try {
      await badge('active', { lang: 'en' });
      expect(calls, 'an English page fetches no language').to.equal(0);
      const els = [await badge('active', { lang: 'de-AT' }), await badge('active', { lang: 'de' })];
      const de = (await shipped()).default;
      await waitUntil(() => els.every((el) => label(el) === (de.common?.active ?? 'active')), `the German word (saw ${els.map(label)})`);
      expect(calls).to.equal(1);
    } finally {
      loaders.de = shipped;
    }
  });
});

describe('composite elements pass their words down', () => {
  afterEach(() => setMessages({}));

  it('one setting relabels error as "Expired" everywhere: badges, table filter and announcements, detail; nothing says "error"', async () => {
    setMessages({ common: { error: 'Expired' } });
    const d = await demo('agency');
    const { provider } = await inProvider<RelinkConnectionsTable>(
      d.client,
      html`<relink-reauth-banner></relink-reauth-banner><relink-notification-bell></relink-notification-bell>
        <relink-connections-table></relink-connections-table><relink-connection-detail connection-id="con_slack"></relink-connection-detail>
        <relink-status-badge status="error"></relink-status-badge>`,
      'relink-connections-table',
      { live: true },
    );
    const store = provider.resolvedStore!;
    const table = provider.querySelector<RelinkConnectionsTable>('relink-connections-table')!;
    const detail = provider.querySelector<RelinkConnectionDetail>('relink-connection-detail')!;
    await waitUntil(() => store.getSnapshot().connections.status === 'ready' && store.getSnapshot().live === 'open', 'loaded and live');
    await waitUntil(() => detail.shadowRoot!.querySelector('relink-status-badge'), 'detail loaded');
    // The table draws its row badges as markup in its own shadow root (internal/badge.ts).
    const rowBadge = (id: string) => table.shadowRoot!.querySelector(`[data-id='${id}'] [data-badge]`)?.textContent?.trim();
    await waitUntil(() => rowBadge('con_hubspot') === 'Expired', 'table badge relabelled');
    const option = table.shadowRoot!.querySelector<HTMLOptionElement>("[part='filter'] option[value='error']")!;
    expect(option.textContent).to.equal('Expired');
    expect(label(provider.querySelector('relink-status-badge')!)).to.equal('Expired');

    // Slack breaks from elsewhere (its grant revoked at the provider, then a refresh fails): a live change.
    const client = await d.other('client');
    const lever = await d.server.fetch(`${d.server.baseUrl}/demo/connections/con_slack/revoke-grant`, { method: 'POST', headers: { authorization: `Bearer ${d.token}` } });
    expect(lever.status, await lever.clone().text()).to.be.below(300);
    await client.connections.refresh('con_slack').catch(() => undefined);
    await waitUntil(() => rowBadge('con_slack') === 'Expired', 'Slack row relabelled', { timeout: 5000 });
    await waitUntil(() => label(detail.shadowRoot!.querySelector('relink-status-badge')!) === 'Expired', 'detail badge relabelled');
    // Announced once the table's live-change code is here (it loads after the first paint, or with the first change).
    const announcement = () => table.shadowRoot!.querySelector("[role='status']")!.textContent;
    await waitUntil(() => announcement() !== '', 'the change announced');
    expect(announcement()).to.equal('Slack (Acme team workspace) is now Expired.');
    await waitUntil(() => text(provider.querySelector('relink-reauth-banner')).includes('Slack'), 'banner names Slack');

    const page = deepText(provider) + toasts().map((t) => `${t.title} ${t.description ?? ''}`).join(' ');
    expect(page).to.contain('Expired');
    expect(page, 'no element prints the status word "error"').to.not.match(/\berror\b/);
  });

  it("connection detail's messages reach its badge, Refresh and Revoke; the table's reach its badges", async () => {
    const d = await demo('client');
    const { provider } = await inProvider<RelinkConnectionDetail>(
      d.client,
      html`<relink-connection-detail connection-id="con_quickbooks"></relink-connection-detail><relink-connections-table></relink-connections-table>`,
      'relink-connection-detail',
    );
    const detail = provider.querySelector<RelinkConnectionDetail>('relink-connection-detail')!;
    const table = provider.querySelector<RelinkConnectionsTable>('relink-connections-table')!;
    detail.messages = { error: 'Broken', lastRefreshed: 'Renewed', 'refresh-button': { label: 'Renew now' }, 'revoke-dialog': { trigger: 'Disconnect' } };
    table.messages = { error: 'Kaputt' };
    const inside = (tag: string) => detail.shadowRoot!.querySelector(tag)!;
    await waitUntil(() => detail.shadowRoot!.querySelector('relink-revoke-dialog'), 'detail loaded');
    await waitUntil(() => label(inside('relink-status-badge')) === 'Broken', 'detail badge');
    await waitUntil(() => text(inside('relink-refresh-button')) === 'Renew now', 'refresh label');
    await waitUntil(() => text(inside('relink-revoke-dialog')).startsWith('Disconnect'), 'revoke trigger');
    expect(text(detail)).to.contain('Renewed');
    await waitUntil(() => table.shadowRoot!.querySelector("[data-id='con_quickbooks'] [data-badge]"), 'table loaded');
    expect(table.shadowRoot!.querySelector("[data-id='con_quickbooks'] [data-badge]")!.textContent!.trim()).to.equal('Kaputt');
    expect(table.shadowRoot!.querySelector("option[value='error']")!.textContent).to.equal('Kaputt');
    // Another element's own words do not leak in: the detail's `lastRefreshed` is not the revoke dialog's.
    expect(text(inside('relink-revoke-dialog'))).to.not.contain('Renewed');
  });

  it("run detail's messages reach its run actions", async () => {
    const d = await demo('agency');
    const { el } = await inProvider<RelinkRunDetail>(d.client, html`<relink-run-detail run-id="run_failed"></relink-run-detail>`, 'relink-run-detail');
    el.messages = { 'run-actions': { replay: 'Run again' } };
    await waitUntil(() => el.shadowRoot!.querySelector('relink-run-actions'), 'loaded');
    const actions = el.shadowRoot!.querySelector('relink-run-actions')!;
    await waitUntil(() => text(actions).includes('Run again'), `Replay relabelled (saw ${text(actions)})`);
  });
});

describe("the server's refusals", () => {
  it("are said in the page's language by their code; English and a code no language covers show the server's message", async () => {
    registerTranslation({ $code: 'zc', common: { codes: { already_revoked: 'zc: already revoked' } } });
    const d = await demo('client');
    const { provider } = await inProvider(d.client, html`<relink-revoke-dialog lang="zc" connection-id="con_slack"></relink-revoke-dialog>
      <relink-revoke-dialog lang="en" connection-id="con_slack"></relink-revoke-dialog>`, 'relink-revoke-dialog');
    const [zc, en] = [...provider.querySelectorAll<RelinkRevokeDialog>('relink-revoke-dialog')];
    await waitUntil(() => provider.resolvedStore!.getSnapshot().connections.byId.has('con_slack'), 'loaded');
    await d.client.connections.revoke('con_slack'); // elsewhere: this store still thinks it is active
    const said: string[] = [];
    for (const el of [zc!, en!]) {
      await el.updateComplete;
      await el.show();
      part(el, 'confirm')!.click();
      await waitUntil(() => part(el, 'error') && !part(el, 'error')!.hidden && part(el, 'error')!.textContent, 'error shown');
      said.push(part(el, 'error')!.textContent!);
      await el.hide();
    }
    expect(said).to.deep.equal(['zc: already revoked', 'This connection is already revoked.']);
  });
});

describe("the provider's toasts", () => {
  afterEach(() => setMessages({}));

  /** Puts the page where a consent flow's redirect returns: a pending (unanswered) session for HubSpot in its query. */
  async function returnFromRedirect(client: Awaited<ReturnType<typeof demo>>['client']): Promise<void> {
    const session = await client.connections.reconnect('con_hubspot');
    const url = new URL(location.href);
    url.searchParams.set('relink_session', session.id);
    url.searchParams.set('relink_state', session.state);
    history.replaceState(history.state, '', url.href);
  }

  it('say how a redirect ended with their own words, in the provider\'s language and the host\'s override', async () => {
    const d = await demo('agency');
    await returnFromRedirect(d.client);
    await inProvider(d.client, html`<span></span>`, 'span');
    await waitUntil(() => toasts().length, 'a toast');
    expect(toasts()[0]!.title, 'English, its own provider.cancelled').to.equal('Reconnection cancelled. Nothing changed.');
    document.querySelectorAll('relink-toaster').forEach((t) => t.remove());

    registerTranslation({ $code: 'zp', common: {}, provider: { cancelled: 'zp: nothing changed' } });
    await returnFromRedirect(d.client);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="zp"><relink-provider .client=${d.client} no-live></relink-provider></div>`);
    await waitUntil(() => toasts().length, 'a toast');
    expect(toasts()[0]!.title, 'the language of the nearest lang').to.equal('zp: nothing changed');
    wrapper.remove();
    document.querySelectorAll('relink-toaster').forEach((t) => t.remove());

    setMessages({ provider: { cancelled: 'Host: nothing changed' } });
    await returnFromRedirect(d.client);
    await inProvider(d.client, html`<span></span>`, 'span');
    await waitUntil(() => toasts().length, 'a toast');
    expect(toasts()[0]!.title, "the host's word").to.equal('Host: nothing changed');
  });

  it('read the flow\'s answer as the provider connects: a host router that rewrites the address on mount does not lose it', async () => {
    const d = await demo('agency');
    await returnFromRedirect(d.client);
    const provider = document.createElement('relink-provider');
    provider.client = d.client;
    provider.noLive = true;
    document.body.append(provider);
    try {
      // The host's router, in the same task as the mount (the provider's on-demand code has not loaded yet).
      expect(new URL(location.href).searchParams.has('relink_session'), 'cleaned from the address at once').to.equal(false);
      history.replaceState(history.state, '', location.pathname);
      await waitUntil(() => toasts().length, 'a toast');
      expect(toasts()[0]!.title).to.equal('Reconnection cancelled. Nothing changed.');
    } finally {
      provider.remove();
    }
  });
});

describe('bidi', () => {
  /** Left edges of the characters `a` and `b` (first occurrences) of the text in `el`. */
  function edges(el: HTMLElement, a: string, b: string): [number, number] {
    const node = [...el.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')!;
    const left = (ch: string) => {
      const range = document.createRange();
      const i = node.data.indexOf(ch);
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().left;
    };
    return [left(a), left(b)];
  }

  it('a value keeps its own order inside a right-to-left sentence (the isolated one does; the raw one breaks)', async () => {
    const template = 'أعد ربط {app} الآن';
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl" style="font: 16px sans-serif">
      <p id="filled">${fill(template, { app: 'Acme Inc.' })}</p><p id="raw">${template.replace('{app}', 'Acme Inc.')}</p></div>`);
    const [i, dot] = edges(wrapper.querySelector('#filled')!, 'I', '.');
    expect(dot, '"." stays right after "Inc"').to.be.greaterThan(i);
    const [rawI, rawDot] = edges(wrapper.querySelector('#raw')!, 'I', '.');
    expect(rawDot, 'without isolation "." jumps to the other side of the name').to.be.lessThan(rawI);
  });

  it('under dir="rtl" with right-to-left copy, names and counts are isolated; English stays as written', async () => {
    registerTranslation({ $code: 'zr', $dir: 'rtl', common: {}, 'reauth-banner': { title: { other: '{n} اتصالات تحتاج إلى إعادة تفويض' }, link: 'مطلوب إعادة تفويض {app}' } });
    const d = await demo('agency');
    const { provider } = await inProvider(d.client, html`<div lang="zr" dir="rtl"><relink-reauth-banner></relink-reauth-banner></div>`, 'relink-reauth-banner');
    const banner = provider.querySelector('relink-reauth-banner')!;
    await waitUntil(() => part(banner, 'link'), 'banner shown');
    expect(part(banner, 'link')!.textContent).to.equal('مطلوب إعادة تفويض \u2068HubSpot\u2069');
    expect(part(banner, 'title')!.textContent!.trim()).to.match(/^\u2068\d\u2069 اتصالات/);
    expect(getComputedStyle(part(banner, 'base')!).direction).to.equal('rtl');
    expect(fill('{app} reauth required', { app: 'HubSpot' }), 'English with a Latin name: unchanged').to.equal('HubSpot reauth required');
    expect(fill('{app} ({label}) is now {status}.', { app: 'Slack', label: 'فريق', status: 'active' }), 'an Arabic label in English is isolated')
      .to.equal('Slack (\u2068فريق\u2069) is now active.');
  });
});
