import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/toaster.js';
import type { RelinkToaster, ToastOptions } from '@relink/elements/toaster.js';

interface Args {
  toasts: ToastOptions[];
}

const meta: Meta<Args> = {
  title: 'Elements/Toaster',
  component: 'relink-toaster',
  // In the catalog the stack sits in the story, not in the corner of the page: a host may restyle it the same way.
  render: () => html`<relink-toaster style="position: static"></relink-toaster>`,
  play: async ({ canvasElement, args }) => {
    const toaster = canvasElement.querySelector<RelinkToaster>('relink-toaster')!;
    for (const options of args.toasts) toaster.show({ duration: Infinity, ...options });
    await toaster.updateComplete;
  },
  args: { toasts: [] },
};
export default meta;

type Story = StoryObj<Args>;

const refreshed: ToastOptions = { title: 'Connection refreshed.', tone: 'success' };
const refreshFailed: ToastOptions = {
  title: 'Failed to refresh connection',
  description: 'You may need to reconnect.',
  tone: 'error',
  action: { label: 'Reconnect', onClick: () => {} },
};
const revoked: ToastOptions = {
  title: 'Connection revoked',
  description: 'Workflows using this connection will pause until reconnected.',
  tone: 'info',
};

export const Success: Story = { args: { toasts: [refreshed] } };
export const ErrorWithAction: Story = { args: { toasts: [refreshFailed] } };
export const Info: Story = { args: { toasts: [revoked] } };
export const WithLink: Story = {
  args: { toasts: [{ ...revoked, action: { label: 'Manage', href: '#/connections/c_1' } }] },
};
export const Stack: Story = { args: { toasts: [refreshed, refreshFailed, revoked] } };

export const LongText: Story = {
  args: {
    toasts: [{
      title: 'HubSpot (Marketing Hub, EU data centre, workspace “Northwind Traders — Client Portal”) reauth required',
      description: 'The provider rejected the stored refresh token. Every workflow that uses this connection is paused until someone with access signs in again with the same account.',
      tone: 'error',
      action: { label: 'Reconnect HubSpot', onClick: () => {} },
    }],
  },
};

export const HostileText: Story = {
  args: {
    toasts: [{
      title: '<img src=x onerror=alert(1)>',
      description: '<script>alert(1)</script>',
      action: { label: '<b>click</b>', href: 'javascript:alert(1)' },
    }],
  },
};

export const RightToLeft: Story = {
  args: { toasts: [{ title: 'تم تحديث الاتصال.', tone: 'success' }, { title: 'فشل تحديث الاتصال', description: 'قد تحتاج إلى إعادة الاتصال.', tone: 'error' }] },
  render: () => html`<relink-toaster lang="ar" style="position: static" .messages=${{ dismiss: 'إغلاق', region: 'الإشعارات' }}></relink-toaster>`,
  parameters: { relink: { dir: 'rtl' } },
};

export const Dark: Story = { args: { toasts: [refreshed, refreshFailed, revoked] }, parameters: { relink: { theme: 'dark' } } };

export const Narrow: Story = { args: { toasts: [refreshFailed] }, parameters: { relink: { width: '240px' } } };

/** The real thing: toasts in the corner, auto-dismissing (paused on hover or focus). */
export const Live: Story = {
  render: () => html`<button
      type="button"
      @click=${(e: Event) =>
        (e.currentTarget as HTMLElement).parentElement!.querySelector('relink-toaster')!.show(refreshed)}
    >Show a toast</button><relink-toaster></relink-toaster>`,
};
