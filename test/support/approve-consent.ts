// The provider's consent page driven the way a user's browser would (fetch, manual redirects, the form posted back),
// for the in-page reference backend: the element tests, the SDK tests and the stories all approve consent this way.

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Approve `connectUrl`'s consent as the account whose email is `email`; resolves once the provider has redirected back. */
export async function approveConsent(fetch: Fetch, connectUrl: string, email: string): Promise<void> {
  const follow = async (response: Response, from: string): Promise<Response> => {
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 5; hops++) {
      response = await fetch(new URL(response.headers.get('location')!, response.url || from).toString(), { redirect: 'manual' });
    }
    return response;
  };
  const page = await (await follow(await fetch(connectUrl, { redirect: 'manual' }), connectUrl)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
  const request = /name="request" value="([^"]+)"/.exec(page)?.[1];
  // An account row: its radio's value, then the name (isolated in <bdi>) and "<email>".
  const account = new RegExp(`value="([^"]+)"[^>]*>\\s*(?:<bdi>)?[^<]*&lt;${email.replaceAll('.', '\\.')}&gt;`).exec(page)?.[1];
  if (!action || !request) throw new Error(`no consent form at ${connectUrl}`);
  if (!account) throw new Error(`the consent page offers no account ${email}`);
  await follow(await fetch(action, { method: 'POST', body: new URLSearchParams({ request, account, decision: 'approve' }), redirect: 'manual' }), action);
}
