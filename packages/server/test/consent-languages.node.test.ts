// The demo provider's consent page speaks the kit's six languages (issue 15): chosen by the authorization request's
// `ui_locales`, else the browser's Accept-Language, else English; Arabic right to left.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createInPageRelink } from '../src/browser.js';
import { Browser, consentPage, harness, type Harness } from './helpers.js';

const EXPECTED = {
  en: { h1: 'Authorize HubSpot', legend: 'Account', approve: 'Approve', deny: 'Deny' },
  de: { h1: 'HubSpot autorisieren', legend: 'Konto', approve: 'Zulassen', deny: 'Ablehnen' },
  fr: { h1: 'Autoriser HubSpot', legend: 'Compte', approve: 'Autoriser', deny: 'Refuser' },
  es: { h1: 'Autorizar HubSpot', legend: 'Cuenta', approve: 'Permitir', deny: 'Denegar' },
  ja: { h1: 'HubSpot を承認', legend: 'アカウント', approve: '承認', deny: '拒否' },
  ar: { h1: 'تفويض HubSpot', legend: 'الحساب', approve: 'موافقة', deny: 'رفض' },
} as const;

async function connectUrl(h: Harness, uiLocales?: string): Promise<string> {
  const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
  assert.equal(start.status, 201);
  const url = new URL(start.body.connectUrl);
  if (uiLocales) url.searchParams.set('ui_locales', uiLocales);
  return url.toString();
}

function assertLanguage(html: string, lang: keyof typeof EXPECTED): void {
  const words = EXPECTED[lang];
  assert.match(html, new RegExp(`<html lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}>`));
  assert.match(html, new RegExp(`<h1>${words.h1}</h1>`));
  assert.match(html, new RegExp(`<legend>${words.legend}</legend>`));
  assert.match(html, new RegExp(`value="approve">${words.approve}</button>`));
  assert.match(html, new RegExp(`value="deny">${words.deny}</button>`));
  if (lang !== 'en') assert.doesNotMatch(html, />(Authorize|Account|Approve|Deny)</, 'no English left');
}

/** A browser that sends an Accept-Language on every request of the flow, as a real one does. */
class SpeakingBrowser extends Browser {
  constructor(private readonly language: string) {
    super();
  }
  override fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('accept-language', this.language);
    return super.fetch(url, { ...init, headers });
  }
}

describe('consent page languages (oidc-provider)', () => {
  for (const lang of Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]) {
    it(`ui_locales=${lang}`, async () => {
      const h = await harness();
      const { html } = await consentPage(await connectUrl(h, lang === 'en' ? 'en-US' : lang));
      assertLanguage(html, lang);
    });
  }

  it('ui_locales is a preference list: the first language it has wins, a region falls back to its language', async () => {
    const h = await harness();
    assertLanguage((await consentPage(await connectUrl(h, 'pt-BR fr-CA de'))).html, 'fr');
    assertLanguage((await consentPage(await connectUrl(h, 'tlh'))).html, 'en');
  });

  it('without ui_locales, the browser\'s Accept-Language decides (by q); ui_locales wins over it', async () => {
    const h = await harness();
    assertLanguage((await consentPage(await connectUrl(h), new SpeakingBrowser('nl;q=0.9, ja;q=0.8, es;q=0.5'))).html, 'ja');
    assertLanguage((await consentPage(await connectUrl(h), new SpeakingBrowser('xx, *;q=0.5'))).html, 'en');
    assertLanguage((await consentPage(await connectUrl(h, 'ar'), new SpeakingBrowser('de'))).html, 'ar');
  });

  it('the app name is escaped in every language', async () => {
    const h = await harness();
    const { html } = await consentPage(await connectUrl(h, 'ar'));
    assert.doesNotMatch(html, /\{app\}/);
  });
});

describe('consent page languages (in-page provider)', () => {
  it('reads ui_locales too', async () => {
    const relink = createInPageRelink({ refresher: { autoStart: false } });
    try {
      const token = await relink.mintToken('agency', 'prn_agency');
      const start = await relink.fetch(`${relink.baseUrl}/connections/con_hubspot/reconnect`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      assert.equal(start.status, 201);
      const url = new URL(((await start.json()) as { connectUrl: string }).connectUrl);
      url.searchParams.set('ui_locales', 'ar');
      const page = await relink.fetch(url.toString());
      assert.equal(page.status, 200);
      assertLanguage(await page.text(), 'ar');
    } finally {
      relink.close();
    }
  });
});
