import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { createRelinkClient } from '@relink/sdk';
import type { InPageRelink } from '@relink/server/browser';
import '@relink/elements/connection-detail.js';
import type { RelinkConnectionDetail } from '@relink/elements/connection-detail.js';
import { demoProvider, HOSTILE, LONG, relabel, settled, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectFits, expectRtl, inShadow, part, renderedText, toastTitled } from './support/queries.js';

const detailEl = (root: HTMLElement) => element<RelinkConnectionDetail>(root, 'relink-connection-detail');

/** What the page shows once the connection has loaded: the app as its heading, the label, the status. */
async function loaded(root: HTMLElement, app: string, status: string): Promise<RelinkConnectionDetail> {
  const el = await detailEl(root);
  await (await inShadow(el)).findByRole('heading', { name: app });
  await expect(el.shadowRoot!.querySelector('relink-status-badge')).toHaveAttribute('status', status);
  return el;
}

/** The actions offered (button labels inside the action elements), once each has rendered. */
async function actionsOf(el: RelinkConnectionDetail): Promise<string[]> {
  const hosts = [...el.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>("[part='actions'] > *")];
  await Promise.all(hosts.map((h) => h.updateComplete));
  return hosts.flatMap((h) => [...(h.shadowRoot?.querySelectorAll('button[part]') ?? [])].filter((b) => b.checkVisibility()).map((b) => b.textContent!.trim()));
}

interface Expected {
  app: string;
  status: string;
  actions: string[];
  /** Text the page must read (through the badge and the buttons). */
  reads?: (string | RegExp)[];
}

const detail = (id: string, expected: Expected, options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-connection-detail connection-id=${id}></relink-connection-detail>`, options),
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement, expected.app, expected.status);
    await waitFor(async () => expect(await actionsOf(el)).toEqual(expected.actions));
    for (const text of expected.reads ?? []) await expect(renderedText(el)).toMatch(text);
  },
  ...extra,
});

const meta: Meta = { title: 'Elements/Connection detail', component: 'relink-connection-detail' };
export default meta;
type Story = StoryObj;

export const Active: Story = detail('con_slack', {
  app: 'Slack', status: 'active', actions: ['Refresh credential', 'Revoke', 'Remove'],
  reads: ['Acme team workspace', 'Connected and working.', 'ada@acmebakery.example', /Last refreshed 5 minutes ago/],
});
/** Refreshable, but the provider rejects the token: Refresh credential fails with "You may need to reconnect." */
export const ErrorStatus: Story = detail('con_quickbooks', {
  app: 'QuickBooks', status: 'error', actions: ['Refresh credential', 'Revoke', 'Remove'],
  reads: ['Reconnection needed.', 'The provider rejected the stored refresh token.'],
}, {}, { name: 'Error' });
/** Google Drive before its first sync (held: by default the in-page server finishes it 30 s after it starts). */
export const Pending: Story = detail('con_gdrive', {
  app: 'Google Drive', status: 'pending', actions: ['Revoke', 'Remove'], reads: ['Waiting for the first sync.', /Last refreshed Never/],
}, { holdPending: true });
/** A client's revoked connection: no Refresh, no Revoke, "Contact your agency…". */
export const Revoked: Story = detail('con_facebook', {
  app: 'Facebook Pages', status: 'revoked', actions: ['Remove'], reads: ['Contact your agency if this integration needs to be reconnected.'],
});
export const AgencyReconnect: Story = detail('con_hubspot', { app: 'HubSpot', status: 'error', actions: ['Refresh credential', 'Reconnect', 'Revoke', 'Remove'] }, { role: 'agency' });
/** The agency cannot consent for the client's account: it asks the client instead. */
export const AgencyClientOwned: Story = detail('con_quickbooks', {
  app: 'QuickBooks', status: 'error', actions: ['Refresh credential', 'Send reconnection request', 'Revoke', 'Remove'],
}, { role: 'agency' });
export const AgencyApiKey: Story = detail('con_mailchimp', {
  app: 'Mailchimp', status: 'error', actions: ['Reconnect', 'Revoke', 'Remove'], reads: ['Mailchimp rejected the API key.'],
}, { role: 'agency' });
const AUTH_CONFIG_WHO = 'Ask your administrator or support to set up the auth config for this app, then reconnect.';
/** The auth config's state, shown up front (before any click): what is wrong and who to contact. */
const authConfig = (id: string, app: string, what: string): StoryObj => detail(id, { app, status: 'pending', actions: ['Reconnect', 'Revoke', 'Remove'] }, { role: 'agency' }, {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement, app, 'pending');
    const note = await part(el, "[part='auth-config']");
    await expect([...note.querySelectorAll('p')].map((p) => p.textContent)).toEqual([what, AUTH_CONFIG_WHO]);
    await expect(renderedText(el)).not.toContain('Waiting for the first sync.');
  },
});
/** Follow Up Boss's managed auth config is missing: said up front, not "Waiting for the first sync." */
export const AuthConfigMissing: Story = authConfig('con_fub', 'Follow Up Boss', 'Follow Up Boss needs a managed auth config, and it is missing: the connection cannot start.');
/** GoHighLevel's managed auth config is invalid. */
export const AuthConfigInvalid: Story = authConfig('con_ghl', 'GoHighLevel', 'GoHighLevel needs a managed auth config, and it is invalid: the connection cannot start.');
/** LinkedIn's hard expiry: active, with "Reconnect within 5 days" beside the badge and Reconnect to renew it (seed 004). */
export const ExpiringSoon: Story = detail('con_linkedin', {
  app: 'LinkedIn', status: 'active', actions: ['Reconnect', 'Revoke', 'Remove'], reads: ['Reconnect within 5 days'],
}, { role: 'agency' });
export const NotFound: Story = {
  render: () => demoProvider(html`<relink-connection-detail connection-id="con_missing"></relink-connection-detail>`),
  play: async ({ canvasElement }) => {
    const shadow = await inShadow(await detailEl(canvasElement));
    await expect(await shadow.findByRole('alert')).toHaveTextContent('This connection was not found.');
    await expect(shadow.queryByRole('heading')).toBeNull();
  },
};
export const HostileAndLongLabels: Story = detail('con_slack', { app: 'Slack', status: 'active', actions: ['Refresh credential', 'Revoke', 'Remove'] }, {}, {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement, 'Slack', 'active');
    await relabel(canvasElement, 'con_slack', `${HOSTILE} ${LONG}`);
    await waitFor(() => expect(el.shadowRoot!.querySelector("[part='label']")!.textContent).toBe(`${HOSTILE} ${LONG}`));
    await expect(el.shadowRoot!.querySelector('img, script')).toBeNull();
  },
});
export const RightToLeft: Story = detail('con_quickbooks', { app: 'QuickBooks', status: 'error', actions: ['Refresh credential', 'Revoke', 'Remove'] }, {}, {
  parameters: { relink: { dir: 'rtl' } },
  play: async ({ canvasElement }) => expectRtl(await loaded(canvasElement, 'QuickBooks', 'error')),
});
export const Dark: Story = detail('con_hubspot', { app: 'HubSpot', status: 'error', actions: [] }, { role: 'agency', theme: 'dark' }, {
  parameters: { relink: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement, 'HubSpot', 'error');
    await waitFor(async () => expect(await actionsOf(el)).toEqual(['Refresh credential', 'Reconnect', 'Revoke', 'Remove']));
    await expectDark(el);
  },
});
export const Narrow: Story = detail('con_slack', { app: 'Slack', status: 'active', actions: [] }, {}, {
  parameters: { relink: { width: '300px' } },
  play: async ({ canvasElement }) => expectFits(await loaded(canvasElement, 'Slack', 'active'), 300),
});

/** The Remove button (seed 004: "Click Remove, then add it fresh"), apart from Revoke: its dialog names what stops working; "Keep connection" changes nothing. */
export const RemoveButton: Story = detail('con_slack', { app: 'Slack', status: 'active', actions: ['Refresh credential', 'Revoke', 'Remove'] }, {}, {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement, 'Slack', 'active');
    const dialogHost = el.shadowRoot!.querySelector<HTMLElement>('relink-remove-dialog')!;
    await userEvent.click(await (await inShadow(dialogHost)).findByRole('button', { name: 'Remove' }));
    const dialog = await (await inShadow(dialogHost)).findByRole('dialog', { name: 'Remove Slack?' });
    await waitFor(() => expect(dialog.querySelectorAll('li')).toHaveLength(2), { timeout: 5000 });
    await expect(dialog).toHaveTextContent('Daily Slack digest');
    await userEvent.click(await (await inShadow(dialogHost)).findByRole('button', { name: 'Keep connection' }));
    await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false));
    await expect(el.shadowRoot!.querySelector('relink-status-badge')).toHaveAttribute('status', 'active');
  },
});

/** What the page says once the connection is gone: no stale record, no "not found", and the way back to the list. */
async function expectRemoved(el: RelinkConnectionDetail, app: string): Promise<void> {
  const shadow = await inShadow(el);
  await shadow.findByRole('heading', { name: `${app} was removed` });
  await expect(renderedText(el)).toContain('The connection and its stored credentials were deleted.');
  await expect(el.shadowRoot!.querySelector('relink-status-badge')).toBeNull();
  await expect(shadow.queryByRole('alert')).toBeNull();
  await expect(await shadow.findByRole('link', { name: 'Back to connections' })).toHaveAttribute('href', '/portal/connections');
}

/** Removed from this page: "Remove connection" in the dialog; the toast, then the removed state with the link back. */
export const Removed: Story = {
  render: () => demoProvider(html`<relink-connection-detail connection-id="con_slack" list-href="/portal/connections"></relink-connection-detail>`),
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement, 'Slack', 'active');
    const dialogHost = el.shadowRoot!.querySelector<HTMLElement>('relink-remove-dialog')!;
    await userEvent.click(await (await inShadow(dialogHost)).findByRole('button', { name: 'Remove' }));
    await userEvent.click(await (await inShadow(dialogHost)).findByRole('button', { name: 'Remove connection' }));
    await toastTitled('Connection removed');
    await settled(canvasElement, (s) => !s.connections.byId.has('con_slack'));
    await expectRemoved(el, 'Slack');
    await waitFor(() => expect(el.shadowRoot!.activeElement).toHaveTextContent('Slack was removed'));
  },
};

let removedElsewhereServer: InPageRelink | undefined;
/** Removed in another tab (the agency): the live `connection.removed` turns this page into the removed state. */
export const RemovedElsewhere: Story = {
  render: () => demoProvider(html`<relink-connection-detail connection-id="con_slack" list-href="/portal/connections"></relink-connection-detail>`,
    { prepare: async (server) => void (removedElsewhereServer = server) }),
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement, 'Slack', 'active');
    const server = removedElsewhereServer!;
    const agency = createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: await server.mintToken('agency', 'prn_agency'), retry: 0 });
    await agency.connections.remove('con_slack');
    await waitFor(() => expectRemoved(el, 'Slack'), { timeout: 5000 });
  },
};
