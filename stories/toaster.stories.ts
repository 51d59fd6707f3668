import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, within } from 'storybook/test';
import '@relink/elements/toaster.js';
import type { RelinkToaster, ToastOptions } from '@relink/elements/toaster.js';
import { animationsDone, element, expectDark, expectVisible, expectFits, expectRtl, renderedText, toastTitled } from './support/queries.js';

interface Args {
  toasts: ToastOptions[];
}

const meta: Meta<Args> = {
  title: 'Elements/Toaster',
  component: 'relink-toaster',
  // In the catalog the stack sits in the story, not in the corner of the page: a host may restyle it the same way.
  render: () => html`<relink-toaster style="position: static"></relink-toaster>`,
  play: async ({ canvasElement, args }) => {
    const toaster = await element<RelinkToaster>(canvasElement, 'relink-toaster');
    for (const options of args.toasts) toaster.show({ duration: Infinity, ...options });
    await expectToasts(toaster, args.toasts);
  },
  args: { toasts: [] },
};
export default meta;

type Story = StoryObj<Args>;

const toastsIn = (toaster: RelinkToaster) => [...toaster.shadowRoot!.querySelectorAll<HTMLElement>("[part='toast']")];

/** The stack shows these toasts in order, each with its title, description and a Dismiss button. */
async function expectToasts(toaster: RelinkToaster, expected: ToastOptions[]) {
  await toaster.updateComplete;
  await animationsDone(toaster);
  const shown = toastsIn(toaster);
  await expect(shown).toHaveLength(expected.length);
  for (const [i, toast] of shown.entries()) {
    const { title, description } = expected[i]!;
    await expect(toast.querySelector("[part='title']")!.textContent).toBe(title);
    await expect(toast.querySelector("[part='description']")?.textContent ?? undefined).toBe(description);
    await expectVisible(within(toast).getByRole('button', { name: 'Dismiss' }));
  }
}

/** The meta's play (show the args' toasts, check them), then `more` on the same stack. */
const thenCheck = (more: (toaster: RelinkToaster, canvas: HTMLElement) => Promise<void> | void): Story['play'] => async (context) => {
  await meta.play!(context);
  await more(context.canvasElement.querySelector<RelinkToaster>('relink-toaster')!, context.canvasElement);
};

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

const toneOf = (toaster: RelinkToaster, i = 0) => toastsIn(toaster)[i]!.className;

export const Success: Story = { args: { toasts: [refreshed] }, play: thenCheck((t) => expect(toneOf(t)).toBe('success')) };
/** An error with an action stays until dismissed, and is announced assertively. */
export const ErrorWithAction: Story = {
  args: { toasts: [refreshFailed] },
  play: thenCheck(async (t) => {
    await expect(toneOf(t)).toBe('error');
    await expectVisible(within(toastsIn(t)[0]!).getByRole('button', { name: 'Reconnect' }));
    await expect(within(t.shadowRoot as unknown as HTMLElement).getByRole('alert')).toHaveTextContent('Failed to refresh connection You may need to reconnect.');
  }),
};
export const Info: Story = { args: { toasts: [revoked] }, play: thenCheck((t) => expect(toneOf(t)).toBe('info')) };
export const WithLink: Story = {
  args: { toasts: [{ ...revoked, action: { label: 'Manage', href: '#/connections/c_1' } }] },
  play: thenCheck((t) => expect(within(toastsIn(t)[0]!).getByRole('link', { name: 'Manage' })).toHaveAttribute('href', '#/connections/c_1')),
};
export const Stack: Story = {
  args: { toasts: [refreshed, refreshFailed, revoked] },
  play: thenCheck((t) => expect(toastsIn(t).map((x) => x.className)).toEqual(['success', 'error', 'info'])),
};

export const LongText: Story = {
  args: {
    toasts: [{
      title: 'HubSpot (Marketing Hub, EU data centre, workspace “Northwind Traders — Client Portal”) reauth required',
      description: 'The provider rejected the stored refresh token. Every workflow that uses this connection is paused until someone with access signs in again with the same account.',
      tone: 'error',
      action: { label: 'Reconnect HubSpot', onClick: () => {} },
    }],
  },
  play: thenCheck((t) => expectFits(toastsIn(t)[0]!, window.innerWidth)),
};

export const HostileText: Story = {
  args: {
    toasts: [{
      title: '<img src=x onerror=alert(1)>',
      description: '<script>alert(1)</script>',
      action: { label: '<b>click</b>', href: 'javascript:alert(1)' },
    }],
  },
  play: thenCheck(async (t) => {
    const toast = toastsIn(t)[0]!;
    await expect(toast.querySelector('img, script, b')).toBeNull();
    // A javascript: URL is never a link: the action falls back to a button labelled with the literal text.
    await expect(within(toast).queryByRole('link')).toBeNull();
    await expectVisible(within(toast).getByRole('button', { name: '<b>click</b>' }));
  }),
};

export const RightToLeft: Story = {
  args: { toasts: [{ title: 'تم تحديث الاتصال.', tone: 'success' }, { title: 'فشل تحديث الاتصال', description: 'قد تحتاج إلى إعادة الاتصال.', tone: 'error' }] },
  render: () => html`<relink-toaster lang="ar" style="position: static" .messages=${{ dismiss: 'إغلاق', region: 'الإشعارات' }}></relink-toaster>`,
  parameters: { relink: { dir: 'rtl' } },
  play: async ({ canvasElement, args }) => {
    const toaster = await element<RelinkToaster>(canvasElement, 'relink-toaster');
    for (const options of args.toasts) toaster.show({ duration: Infinity, ...options });
    await toaster.updateComplete;
    await animationsDone(toaster);
    await expectRtl(toaster);
    await expect(toastsIn(toaster).map((t) => t.querySelector("[part='title']")!.textContent)).toEqual(['تم تحديث الاتصال.', 'فشل تحديث الاتصال']);
    await expect(within(toaster.shadowRoot as unknown as HTMLElement).getAllByRole('button', { name: 'إغلاق' })).toHaveLength(2);
    await expect(within(toaster.shadowRoot as unknown as HTMLElement).getByRole('region', { name: 'الإشعارات' })).toBeTruthy();
  },
};

export const Dark: Story = { args: { toasts: [refreshed, refreshFailed, revoked] }, parameters: { relink: { theme: 'dark' } }, play: thenCheck((t) => expectDark(t)) };

export const Narrow: Story = {
  args: { toasts: [refreshFailed] },
  parameters: { relink: { width: '240px' } },
  play: thenCheck((t) => expectFits(toastsIn(t)[0]!, 240)),
};

/** The real thing: toasts in the corner, auto-dismissing (paused on hover or focus). */
export const Live: Story = {
  render: () => html`<button
      type="button"
      @click=${(e: Event) =>
        (e.currentTarget as HTMLElement).parentElement!.querySelector('relink-toaster')!.show(refreshed)}
    >Show a toast</button><relink-toaster></relink-toaster>`,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Show a toast' }));
    const toast = await toastTitled('Connection refreshed.');
    // In the corner of the page, not in the story's flow.
    await expect(getComputedStyle(canvasElement.querySelector('relink-toaster')!).position).toBe('fixed');
    await expect(renderedText(toast)).toContain('Connection refreshed.');
  },
};
