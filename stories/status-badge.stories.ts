import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect } from 'storybook/test';
import '@relink/elements/status-badge.js';
import type { RelinkStatusBadge, StatusBadgeMessages } from '@relink/elements/status-badge.js';
import { expectDark, expectFits, expectRtl, part } from './support/queries.js';

interface Args {
  status: string;
  'with-description': boolean;
  'expires-in-days'?: number;
  messages: Partial<StatusBadgeMessages>;
}

const STATUSES = ['active', 'error', 'pending', 'revoked'] as const;

const badge = (args: Args) =>
  html`<relink-status-badge
    status=${args.status}
    ?with-description=${args['with-description']}
    expires-in-days=${args['expires-in-days'] ?? nothing}
    .messages=${args.messages}
  ></relink-status-badge>`;

interface Expected {
  label: string;
  /** The status description, or null for none. */
  description?: string | null;
  /** The expiry hint, or null for none. */
  hint?: string | null;
  /** Whether the status icon shows (not for unknown statuses). */
  icon?: boolean;
}

/** What one badge shows: its label as text, the icon, the description and the hint (or their absence). */
async function expectBadge(badge: RelinkStatusBadge, { label, description = null, hint = null, icon = true }: Expected) {
  await badge.updateComplete;
  const root = badge.shadowRoot!;
  await expect((await part(badge, "[part='label']")).textContent).toBe(label);
  await expect(root.querySelector("[part='icon'] svg") !== null, 'status icon').toBe(icon);
  await expect(root.querySelector("[part='description']")?.textContent ?? null).toBe(description);
  await expect(root.querySelector("[part='hint']")?.textContent ?? null).toBe(hint);
}

const badges = (root: HTMLElement) => [...root.querySelectorAll<RelinkStatusBadge>('relink-status-badge')];

/** The stacked badges read, in order, the four statuses with their descriptions and the expiring one. */
async function expectAllStatuses(root: HTMLElement, labels = ['active', 'error', 'pending', 'revoked', 'active']) {
  const all = badges(root);
  await expect(all).toHaveLength(5);
  for (const [i, badge] of all.entries()) expect((await part(badge, "[part='label']")).textContent).toBe(labels[i]);
  await expect(all.every((b) => b.shadowRoot!.querySelector("[part='description']"))).toBe(true);
  await expect(all[4]!.shadowRoot!.querySelector("[part='hint']")).not.toBeNull();
}

/** One badge per status, stacked, for the theme, direction and width stories. */
const allStatuses = (args: Args) =>
  html`<div style="display: grid; gap: 12px; justify-items: start">
    ${STATUSES.map((status) => badge({ ...args, status }))}
    ${badge({ ...args, status: 'active', 'expires-in-days': 5 })}
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/Status badge',
  component: 'relink-status-badge',
  render: badge,
  args: { status: 'active', 'with-description': false, messages: {} },
  argTypes: {
    status: { control: 'select', options: [...STATUSES, 'something-new'] },
    'expires-in-days': { control: 'number' },
  },
};
export default meta;

type Story = StoryObj<Args>;

const single = (expected: Expected): Story['play'] => async ({ canvasElement }) => expectBadge(badges(canvasElement)[0]!, expected);

export const Active: Story = { args: { status: 'active' }, play: single({ label: 'active' }) };
export const ErrorStatus: Story = { name: 'Error', args: { status: 'error' }, play: single({ label: 'error' }) };
export const Pending: Story = { args: { status: 'pending' }, play: single({ label: 'pending' }) };
export const Revoked: Story = { args: { status: 'revoked' }, play: single({ label: 'revoked' }) };

/** The seed copy deck's descriptions beside each badge. */
export const WithDescription: Story = {
  args: { 'with-description': true },
  render: allStatuses,
  play: async ({ canvasElement }) => {
    const [active, error, pending, revoked] = badges(canvasElement);
    await expectBadge(active!, { label: 'active', description: 'Connected and working.' });
    await expectBadge(error!, { label: 'error', description: 'Reconnection needed.' });
    await expectBadge(pending!, { label: 'pending', description: 'Waiting for the first sync.' });
    await expectBadge(revoked!, { label: 'revoked', description: 'This connection was revoked. Reconnect to keep workflows running.' });
  },
};

/** Seed 000 (SAMI OS) calls the `error` status "Expired": labels change, values do not. */
export const RelabelledExpired: Story = {
  args: { status: 'error', 'with-description': true, messages: { error: 'Expired' } },
  play: async ({ canvasElement }) => {
    const badge = badges(canvasElement)[0]!;
    await expectBadge(badge, { label: 'Expired', description: 'Reconnection needed.' });
    await expect(badge.getAttribute('status')).toBe('error');
  },
};

/** Seed 004: a LinkedIn token that no refresh extends. A hint beside the badge, not a fifth status. */
export const ExpiringSoon: Story = { args: { status: 'active', 'expires-in-days': 5 }, play: single({ label: 'active', hint: 'Reconnect within 5 days' }) };
export const ExpiresTomorrow: Story = { args: { status: 'active', 'expires-in-days': 1 }, play: single({ label: 'active', hint: 'Reconnect within 1 day' }) };

/** A value this version does not know renders as "Unknown", with no icon and no description. */
export const UnknownStatus: Story = {
  args: { status: 'something-new', 'with-description': true },
  play: single({ label: 'Unknown', icon: false }),
};

export const LongLabels: Story = {
  args: {
    status: 'error',
    'with-description': true,
    messages: {
      error: 'Reauthorization required by the provider before the next scheduled run',
      errorDescription: 'The provider rejected the stored refresh token (invalid_grant); sign in again with the same account to keep every dependent workflow running.',
    },
  },
  parameters: { relink: { width: '320px' } },
  play: async ({ canvasElement, args }) => {
    const badge = badges(canvasElement)[0]!;
    await expectBadge(badge, { label: args.messages.error!, description: args.messages.errorDescription! });
    // The long label wraps inside the column instead of pushing the page sideways.
    await expectFits(badge, 320);
  },
};

/** Copy is always text: markup in a label is shown, never parsed. */
export const HostileLabels: Story = {
  args: {
    status: 'revoked',
    'with-description': true,
    messages: { revoked: '<img src=x onerror=alert(1)>', revokedDescription: '<script>alert(1)</script>' },
  },
  play: async ({ canvasElement }) => {
    const badge = badges(canvasElement)[0]!;
    await expectBadge(badge, { label: '<img src=x onerror=alert(1)>', description: '<script>alert(1)</script>' });
    await expect(badge.shadowRoot!.querySelector('img, script')).toBeNull();
  },
};

export const RightToLeft: Story = {
  args: {
    'with-description': true,
    messages: {
      active: 'نشط', error: 'خطأ', pending: 'قيد الانتظار', revoked: 'ملغى',
      activeDescription: 'متصل ويعمل.', errorDescription: 'يلزم إعادة الاتصال.',
      pendingDescription: 'في انتظار المزامنة الأولى.', revokedDescription: 'تم إلغاء هذا الاتصال.',
      expiresHint: { zero: 'أعد الاتصال اليوم', one: 'أعد الاتصال خلال يوم واحد', two: 'أعد الاتصال خلال يومين',
        few: 'أعد الاتصال خلال {n} أيام', many: 'أعد الاتصال خلال {n} يومًا', other: 'أعد الاتصال خلال {n} يوم' },
    },
  },
  render: (args) => html`<div lang="ar">${allStatuses(args)}</div>`,
  parameters: { relink: { dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    await expectAllStatuses(canvasElement, ['نشط', 'خطأ', 'قيد الانتظار', 'ملغى', 'نشط']);
    const expiring = badges(canvasElement)[4]!;
    await expectRtl(expiring);
    // Arabic plural rules: 5 is "few", with the number in the page's locale.
    await expect(expiring.shadowRoot!.querySelector("[part='hint']")!.textContent).toMatch(/^أعد الاتصال خلال \S+ أيام$/);
  },
};

export const Dark: Story = {
  args: { 'with-description': true },
  render: allStatuses,
  parameters: { relink: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await expectAllStatuses(canvasElement);
    for (const badge of badges(canvasElement)) await expectDark(badge);
  },
};

export const Narrow: Story = {
  args: { 'with-description': true },
  render: allStatuses,
  parameters: { relink: { width: '160px' } },
  play: async ({ canvasElement }) => {
    await expectAllStatuses(canvasElement);
    for (const badge of badges(canvasElement)) await expectFits(badge, 160);
  },
};
