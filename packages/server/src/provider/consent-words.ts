/**
 * The demo provider's consent page in the kit's six languages. A provider speaks for itself, so these words live
 * here and not in `@relink/elements` (the server never imports it). `{app}` is the app's name, inserted escaped.
 * Add a language by adding an entry.
 */
export interface ConsentWords {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The tab's title: "Authorize {app} — Relink demo provider". */
  pageTitle: string;
  heading: string;
  intro: string;
  account: string;
  /** Legend of a multi-account app's checkboxes (Facebook Pages). */
  pages: string;
  deny: string;
  approve: string;
}

const WORDS: Record<string, ConsentWords> = {
  en: {
    lang: 'en', dir: 'ltr',
    pageTitle: 'Authorize {app} — Relink demo provider',
    heading: 'Authorize {app}',
    intro: '{app} is asking for access to your account. Choose the account to connect.',
    account: 'Account',
    pages: 'Pages',
    deny: 'Deny',
    approve: 'Approve',
  },
  de: {
    lang: 'de', dir: 'ltr',
    pageTitle: '{app} autorisieren – Relink-Demo-Anbieter',
    heading: '{app} autorisieren',
    intro: '{app} möchte auf Ihr Konto zugreifen. Wählen Sie das Konto, das verbunden werden soll.',
    account: 'Konto',
    pages: 'Seiten',
    deny: 'Ablehnen',
    approve: 'Zulassen',
  },
  fr: {
    lang: 'fr', dir: 'ltr',
    pageTitle: 'Autoriser {app} — fournisseur de démo Relink',
    heading: 'Autoriser {app}',
    intro: '{app} demande l’accès à votre compte. Choisissez le compte à connecter.',
    account: 'Compte',
    pages: 'Pages',
    deny: 'Refuser',
    approve: 'Autoriser',
  },
  es: {
    lang: 'es', dir: 'ltr',
    pageTitle: 'Autorizar {app} — proveedor de demostración de Relink',
    heading: 'Autorizar {app}',
    intro: '{app} solicita acceso a tu cuenta. Elige la cuenta que quieres conectar.',
    account: 'Cuenta',
    pages: 'Páginas',
    deny: 'Denegar',
    approve: 'Permitir',
  },
  ja: {
    lang: 'ja', dir: 'ltr',
    pageTitle: '{app} を承認 — Relink デモプロバイダー',
    heading: '{app} を承認',
    intro: '{app} があなたのアカウントへのアクセスを求めています。接続するアカウントを選んでください。',
    account: 'アカウント',
    pages: 'ページ',
    deny: '拒否',
    approve: '承認',
  },
  ar: {
    lang: 'ar', dir: 'rtl',
    pageTitle: 'تفويض {app} — موفّر Relink التجريبي',
    heading: 'تفويض {app}',
    intro: 'يطلب {app} الوصول إلى حسابك. اختر الحساب الذي تريد ربطه.',
    account: 'الحساب',
    pages: 'الصفحات',
    deny: 'رفض',
    approve: 'موافقة',
  },
};

/** Language tags in preference order: OAuth's `ui_locales` (space-separated), else `Accept-Language` by its `q`. */
function preferred(uiLocales: string | undefined, acceptLanguage: string | undefined): string[] {
  const asked = uiLocales?.split(/\s+/).filter(Boolean) ?? [];
  if (asked.length) return asked;
  return (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/**
 * The consent page's words for the first language asked for that it has (`de-AT` gets German); English otherwise.
 * `ui_locales` is what the kit sends from the element's `lang`; `Accept-Language` covers a flow started without it.
 */
export function consentWords(uiLocales?: string, acceptLanguage?: string): ConsentWords {
  for (const tag of preferred(uiLocales, acceptLanguage)) {
    const words = WORDS[tag.toLowerCase().split(/[-_]/)[0]!];
    if (words) return words;
  }
  return WORDS.en!;
}
