import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@relink/elements/connect-button.js';
import type { RelinkConnectButton } from '@relink/elements/connect-button.js';
import type { InPageRelink } from '@relink/server/browser';
import { demoProvider } from './support/relink-demo.js';
import { element, inShadow, part } from './support/queries.js';

/**
 * The consent popup for a multi-account app, played against the in-page backend: the provider's real consent page
 * approved as Ada with both of the bakery's Facebook Pages ticked, its callback's result posted to the opener.
 * (The page cannot open the in-page server's URLs in a real popup: they live on an origin served by fetch.)
 */
function pagesConsent(server: () => InPageRelink): Window {
  const opener = new EventTarget();
  const drive = async (connectUrl: string) => {
    let url = connectUrl;
    let response = await server().fetch(url);
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 5; hops++) {
      url = new URL(response.headers.get('location')!, url).toString();
      response = await server().fetch(url);
    }
    const page = await response.text();
    const request = /name="request" value="([^"]+)"/.exec(page)![1]!;
    const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
    const body = new URLSearchParams({ request, account: 'acct_ada', decision: 'approve' });
    body.append('page', 'page_bakery_main');
    body.append('page', 'page_bakery_harbor');
    const submitted = await server().fetch(new URL(action, url).toString(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    const callback = await (await server().fetch(new URL(submitted.headers.get('location')!, url).toString())).text();
    const block = /<script type="application\/json" id="relink-result">(.*?)<\/script>/s.exec(callback)![1]!;
    opener.dispatchEvent(new MessageEvent('message', { origin: new URL(server().baseUrl).origin, data: (JSON.parse(block) as { message: unknown }).message }));
  };
  const open = () => ({ closed: false, close() { this.closed = true; }, location: { set href(url: string) { void drive(url); } } });
  return Object.assign(opener, { open, location: window.location }) as unknown as Window;
}

/** The client's "Connect Facebook Pages", clicked, through consent to the chooser. */
const story = (play: (el: RelinkConnectButton) => Promise<unknown>): StoryObj => {
  let server: InPageRelink | undefined;
  return {
    render: () => demoProvider(html`<relink-connect-button app-key="facebook-pages" .window=${pagesConsent(() => server!)}></relink-connect-button>`, {
      role: 'client',
      prepare: async (s) => (server = s),
    }),
    play: async ({ canvasElement }) => {
      const el = await element<RelinkConnectButton>(canvasElement, 'relink-connect-button');
      await userEvent.click(await (await inShadow(el)).findByRole('button', { name: 'Connect Facebook Pages' }));
      await waitFor(() => expect(el.shadowRoot!.querySelector("[part='choose']")).not.toBeNull(), { timeout: 5000 });
      await play(el);
    },
  };
};

const meta: Meta = { title: 'Elements/Account choice', component: 'relink-connect-button' };
export default meta;
type Story = StoryObj;

/** Seed 004's "Select the accounts": both granted Pages checked, one already connected; focus on "Select all". */
export const ChooseAccounts: Story = story(async (el) => {
  const shadow = await inShadow(el);
  await expect(await shadow.findByText('Select the Facebook Pages accounts you want to connect')).toBeVisible();
  const main = await shadow.findByRole('checkbox', { name: 'Bakery Main St' });
  const harbor = await shadow.findByRole('checkbox', { name: 'Bakery Harbor' });
  await expect(main).toBeChecked();
  await expect(harbor).toBeChecked();
  await expect(main).toHaveAccessibleDescription('Already connected: reconnects it');
  await expect(harbor).toHaveAccessibleDescription('New connection');
  await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(el.shadowRoot!.querySelector("[part='choose'] input")));
});

/** Nothing selected: Connect says what is missing and connects nothing. */
export const NoneSelected: Story = story(async (el) => {
  const shadow = await inShadow(el);
  await userEvent.click(await shadow.findByRole('checkbox', { name: 'Select all' }));
  await userEvent.click(await shadow.findByRole('button', { name: 'Connect selected accounts' }));
  await expect(await part(el, "[part='error']")).toHaveTextContent('Select at least one account to connect.');
});
