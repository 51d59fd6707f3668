import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@relink/elements/status-badge.js';
import type { StatusBadgeMessages } from '@relink/elements/status-badge.js';

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

export const Active: Story = { args: { status: 'active' } };
export const ErrorStatus: Story = { name: 'Error', args: { status: 'error' } };
export const Pending: Story = { args: { status: 'pending' } };
export const Revoked: Story = { args: { status: 'revoked' } };

/** The seed copy deck's descriptions beside each badge. */
export const WithDescription: Story = { args: { 'with-description': true }, render: allStatuses };

/** Seed 000 (SAMI OS) calls the `error` status "Expired": labels change, values do not. */
export const RelabelledExpired: Story = {
  args: { status: 'error', 'with-description': true, messages: { error: 'Expired' } },
};

/** Seed 004: a LinkedIn token that no refresh extends. A hint beside the badge, not a fifth status. */
export const ExpiringSoon: Story = { args: { status: 'active', 'expires-in-days': 5 } };
export const ExpiresTomorrow: Story = { args: { status: 'active', 'expires-in-days': 1 } };

/** A value this version does not know renders as "Unknown", with no icon and no description. */
export const UnknownStatus: Story = { args: { status: 'something-new', 'with-description': true } };

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
};

/** Copy is always text: markup in a label is shown, never parsed. */
export const HostileLabels: Story = {
  args: {
    status: 'revoked',
    'with-description': true,
    messages: { revoked: '<img src=x onerror=alert(1)>', revokedDescription: '<script>alert(1)</script>' },
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
};

export const Dark: Story = {
  args: { 'with-description': true },
  render: allStatuses,
  parameters: { relink: { theme: 'dark' } },
};

export const Narrow: Story = {
  args: { 'with-description': true },
  render: allStatuses,
  parameters: { relink: { width: '160px' } },
};
