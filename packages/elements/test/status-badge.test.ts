import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/components/provider/provider.js';
import '../src/components/status-badge/status-badge.js';
import { RelinkStatusBadge } from '../src/components/status-badge/status-badge.js';
import { define } from '../src/internal/relink-element.js';
import { contrast, part } from './helpers.js';

const COPY = {
  active: ['active', 'Connected and working.'],
  error: ['error', 'Reconnection needed.'],
  pending: ['pending', 'Waiting for the first sync.'],
  revoked: ['revoked', 'This connection was revoked. Reconnect to keep workflows running.'],
} as const;
const STATUSES = Object.keys(COPY) as (keyof typeof COPY)[];

const badge = (status: string, extra = html``) =>
  fixture<RelinkStatusBadge>(html`<relink-status-badge status=${status} with-description>${extra}</relink-status-badge>`);

/** A badge inside a dark page: `data-relink-theme="dark"` on an ancestor, dark page background. */
async function darkBadge(status: string): Promise<RelinkStatusBadge> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div data-relink-theme="dark" style="background:#0d1117;color:#e6edf3;padding:8px">
      <relink-status-badge status=${status} with-description expires-in-days="3"></relink-status-badge>
    </div>`);
  const el = wrapper.querySelector('relink-status-badge')!;
  await el.updateComplete;
  return el;
}

describe('relink-status-badge', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', forcedColors: 'none' }));

  for (const status of STATUSES) {
    const [label, description] = COPY[status];

    it(`${status}: shows the label "${label}", an icon and the description "${description}"`, async () => {
      const el = await badge(status);
      expect(part(el, 'label')!.textContent).to.equal(label);
      expect(part(el, 'description')!.textContent).to.equal(description);
      const svg = part(el, 'icon')!.querySelector('svg')!;
      expect(svg.getAttribute('aria-hidden')).to.equal('true');
      expect(svg.children.length).to.be.greaterThan(0);
      expect(el.getAttribute('status')).to.equal(status);
    });

    it(`${status}: is accessible in light and dark`, async () => {
      await expect(await badge(status)).to.be.accessible();
      await expect(await darkBadge(status)).to.be.accessible();
    });

    it(`${status}: label meets AA contrast on its tint and the surface, light and dark`, async () => {
      for (const el of [await badge(status), await darkBadge(status)]) {
        const base = part(el, 'base')!;
        const { color, backgroundColor } = getComputedStyle(base);
        const page = getComputedStyle(el.parentElement!).backgroundColor;
        const surface = page === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : page;
        expect(contrast(color, backgroundColor), `${color} on ${backgroundColor}`).to.be.at.least(4.5);
        expect(contrast(color, surface), `${color} on ${surface}`).to.be.at.least(4.5);
        const muted = getComputedStyle(part(el, 'description')!).color;
        expect(contrast(muted, surface), `${muted} on ${surface}`).to.be.at.least(4.5);
      }
    });
  }

  it('gives each status its own icon', async () => {
    const icons = new Set<string>();
    for (const status of STATUSES) icons.add(part(await badge(status), 'icon')!.innerHTML);
    expect(icons.size).to.equal(4);
  });

  it('shows the description only with `with-description`', async () => {
    const el = await fixture<RelinkStatusBadge>(html`<relink-status-badge status="error"></relink-status-badge>`);
    expect(part(el, 'description')).to.equal(null);
    el.withDescription = true;
    await el.updateComplete;
    expect(part(el, 'description')!.textContent).to.equal('Reconnection needed.');
  });

  it('exposes every documented part', async () => {
    const el = await fixture<RelinkStatusBadge>(
      html`<relink-status-badge status="active" with-description expires-in-days="2"></relink-status-badge>`);
    for (const name of ['base', 'icon', 'label', 'description', 'hint']) expect(part(el, name), name).to.not.equal(null);
    expect(part(el, 'base')!.contains(part(el, 'label'))).to.equal(true);
  });

  it('relabels through `messages` (seed 000: error reads "Expired") and keeps the status value', async () => {
    const el = await badge('error');
    el.messages = { error: 'Expired' };
    await el.updateComplete;
    expect(part(el, 'label')!.textContent).to.equal('Expired');
    expect(part(el, 'description')!.textContent).to.equal('Reconnection needed.');
    expect(el.status).to.equal('error');
    expect(part(el, 'base')!.className).to.equal('error');
  });

  it('renders hostile labels as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await badge('revoked');
    el.messages = { revoked: hostile, revokedDescription: hostile };
    await el.updateComplete;
    expect(part(el, 'label')!.textContent).to.equal(hostile);
    expect(part(el, 'description')!.textContent).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  for (const status of ['bogus', '__proto__', 'constructor', 'toString', '<img src=x onerror=alert(1)>', '']) {
    it(`renders the unknown status ${JSON.stringify(status)} safely as "Unknown"`, async () => {
      const el = await badge(status);
      expect(part(el, 'label')!.textContent).to.equal('Unknown');
      expect(part(el, 'icon')).to.equal(null);
      expect(part(el, 'description')).to.equal(null);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('renders "Unknown" with no status at all', async () => {
    const el = await fixture<RelinkStatusBadge>(html`<relink-status-badge></relink-status-badge>`);
    expect(part(el, 'label')!.textContent).to.equal('Unknown');
    expect(el.hasAttribute('status')).to.equal(false);
  });

  describe('expiry hint', () => {
    it('says "Reconnect within N days" with the right plural, beside an active badge', async () => {
      const el = await fixture<RelinkStatusBadge>(
        html`<relink-status-badge status="active" expires-in-days="1"></relink-status-badge>`);
      expect(part(el, 'hint')!.textContent).to.equal('Reconnect within 1 day');
      expect(part(el, 'base')!.contains(part(el, 'hint'))).to.equal(false);
      el.expiresInDays = 5;
      await el.updateComplete;
      expect(part(el, 'hint')!.textContent).to.equal('Reconnect within 5 days');
      expect(part(el, 'label')!.textContent).to.equal('active');
      await expect(el).to.be.accessible();
    });

    it('is not a status: no hint for broken connections, negative or missing days', async () => {
      for (const [status, days] of [['error', '3'], ['revoked', '3'], ['active', '-1'], ['active', 'soon']]) {
        const el = await fixture<RelinkStatusBadge>(
          html`<relink-status-badge status=${status!} expires-in-days=${days!}></relink-status-badge>`);
        expect(part(el, 'hint'), `${status} ${days}`).to.equal(null);
      }
    });

    it('formats the number and plural in the nearest lang, through ancestors', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar-EG">
        <relink-status-badge status="active" expires-in-days="5"></relink-status-badge></div>`);
      const el = wrapper.querySelector('relink-status-badge')!;
      el.messages = { expiresHint: { one: 'one {n}', few: 'few {n}', other: 'other {n}' } };
      await el.updateComplete;
      // Arabic: 5 is in the "few" category and is written with Arabic-Indic digits.
      expect(part(el, 'hint')!.textContent).to.equal('few ٥');
      expect(el.locale).to.equal('ar-EG');
    });

    it('re-renders when <html lang> changes', async () => {
      const el = await fixture<RelinkStatusBadge>(
        html`<relink-status-badge status="active" expires-in-days="1234"></relink-status-badge>`);
      const before = document.documentElement.getAttribute('lang');
      try {
        document.documentElement.lang = 'de';
        await new Promise((r) => setTimeout(r));
        await el.updateComplete;
        expect(part(el, 'hint')!.textContent).to.equal('Reconnect within 1.234 days');
      } finally {
        if (before === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.lang = before;
      }
    });
  });

  describe('themes', () => {
    const labelColor = (el: Element) => getComputedStyle(part(el, 'base')!).color;

    it('is light by default and dark under data-relink-theme="dark"', async () => {
      expect(labelColor(await badge('active'))).to.equal('rgb(17, 99, 41)');
      expect(labelColor(await darkBadge('active'))).to.equal('rgb(63, 185, 80)');
    });

    it('follows prefers-color-scheme, and an explicit light theme wins over it', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      expect(labelColor(await badge('error'))).to.equal('rgb(255, 123, 114)');
      const wrapper = await fixture(html`<div data-relink-theme="light"><relink-status-badge status="error"></relink-status-badge></div>`);
      expect(labelColor(wrapper.firstElementChild!)).to.equal('rgb(180, 35, 24)');
    });

    it('honours theme="dark" on relink-provider and --relink-color-scheme on any ancestor', async () => {
      const provider = await fixture(html`<relink-provider theme="dark"><relink-status-badge status="active"></relink-status-badge></relink-provider>`);
      expect(labelColor(provider.firstElementChild!)).to.equal('rgb(63, 185, 80)');
      const styled = await fixture(html`<div style="--relink-color-scheme: dark"><relink-status-badge status="active"></relink-status-badge></div>`);
      expect(labelColor(styled.firstElementChild!)).to.equal('rgb(63, 185, 80)');
    });

    it('works inside another shadow root', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<div data-relink-theme="dark"><relink-status-badge status="active"></relink-status-badge></div>';
      const el = root.querySelector('relink-status-badge')!;
      await el.updateComplete;
      expect(labelColor(el)).to.equal('rgb(63, 185, 80)');
    });

    it('takes the host brand through public and global tokens', async () => {
      const el = await fixture(html`<div style="--relink-color-danger: rgb(1, 2, 3); --relink-status-badge-active-color: rgb(4, 5, 6)">
        <relink-status-badge status="error"></relink-status-badge><relink-status-badge status="active"></relink-status-badge></div>`);
      const [error, active] = el.querySelectorAll('relink-status-badge');
      expect(labelColor(error!)).to.equal('rgb(1, 2, 3)');
      expect(labelColor(active!)).to.equal('rgb(4, 5, 6)');
    });

    it('draws a system-colour border in forced-colors mode', async () => {
      await emulateMedia({ forcedColors: 'active' });
      const el = await badge('pending');
      const base = getComputedStyle(part(el, 'base')!);
      expect(base.borderTopStyle).to.equal('solid');
      expect(base.borderTopColor).to.not.equal('rgba(0, 0, 0, 0)');
      expect(part(el, 'label')!.textContent).to.equal('pending');
    });
  });

  it('renders every state', async () => {
    for (const status of [...STATUSES, 'bogus']) {
      const el = await fixture<RelinkStatusBadge>(
        html`<relink-status-badge status=${status} with-description expires-in-days="3"></relink-status-badge>`);
      el.messages = { error: 'Expired' };
      el.status = 'error';
      await el.updateComplete;
    }
  });


  it('tolerates double registration', () => {
    const warn = console.warn;
    const seen: unknown[] = [];
    console.warn = (...args: unknown[]) => seen.push(args);
    try {
      expect(() => define('relink-status-badge', RelinkStatusBadge)).to.not.throw();
      expect(seen).to.have.length(0);
      expect(() => define('relink-status-badge', class extends RelinkStatusBadge {})).to.not.throw();
      expect(seen).to.have.length(1);
      expect(customElements.get('relink-status-badge')).to.equal(RelinkStatusBadge);
    } finally {
      console.warn = warn;
    }
  });
});
