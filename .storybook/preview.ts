import { ArgTypes, Description, Primary, Subtitle, Title } from '@storybook/addon-docs/blocks';
import { html } from 'lit';
import { createElement, Fragment } from 'react';
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { configure } from 'storybook/test';
import manifest from '../packages/elements/custom-elements.json';
import { applyLocale, checkLocales, languageSettled, LOCALES, localeOf, STORY_ROOT } from '../stories/support/locale.js';
import { loaders } from '../packages/elements/src/translations/loader.js';

// Play functions wait for the in-page backend with waitFor/findBy. It answers in milliseconds, but this machine is
// shared: allow 10 s (Testing Library's default is 1 s) before a story fails for not reaching its state.
configure({ asyncUtilTimeout: 10_000 });

// Args tables and controls come from the manifest generated from the elements' JSDoc (npm run analyze -w packages/elements).
setCustomElementsManifest(manifest);

/**
 * Every story renders on a page surface that follows the chosen theme, language and direction, the way a host would
 * set them: `data-relink-theme`, `lang` and `dir` on an ancestor (and `lang`/`dir` on `<html>`, which the toaster in
 * `<body>` follows). Stories pick theme and direction with `parameters.relink`; the toolbar overrides. A right-to-left
 * language brings its direction unless the Direction toolbar says otherwise.
 */
const withHostPage: Decorator = (story, { globals, parameters }) => {
  const theme = (globals.relinkTheme as string) || parameters.relink?.theme || 'light';
  const locale = localeOf(globals.locale as string | undefined);
  const dir = (globals.relinkDir as string) || (locale?.dir === 'rtl' ? 'rtl' : parameters.relink?.dir) || 'ltr';
  const width = parameters.relink?.width as string | undefined;
  document.documentElement.lang = locale?.code ?? 'en';
  document.documentElement.dir = dir;
  return html`<div
    data-relink-story-root
    data-relink-theme=${theme}
    lang=${locale?.code ?? 'en'}
    dir=${dir}
    style="color-scheme: var(--relink-color-scheme, light dark); background: light-dark(#fff, #0d1117);
      color: light-dark(#1f2328, #e6edf3); padding: 16px; min-block-size: 120px; ${width ? `inline-size: ${width};` : ''}"
  >${story()}</div>`;
};

/**
 * Each element's docs page (autodocs): its summary and description, the first story live, and the API table Storybook
 * builds from the manifest — attributes, properties, events, slots, CSS shadow parts and CSS custom properties.
 * The other stories are one click away in the sidebar rather than inline: each talks to its own in-page backend.
 */
const elementDocsPage = () =>
  createElement(Fragment, null, createElement(Title), createElement(Subtitle), createElement(Description), createElement(Primary), createElement(ArgTypes));

/**
 * For the visual suite (test/visual/run.ts): after a story's play function, which reads its own English, the shot in
 * another language switches the page as a host would (`lang`/`dir`) and waits until the elements re-rendered in it.
 */
(window as { relinkShowLanguage?: (code: string) => Promise<void> }).relinkShowLanguage = async (code) => {
  const root = document.querySelector(`[${STORY_ROOT}]`);
  const locale = localeOf(code);
  if (!root || !locale) throw new Error(`no story root or no language ${code}`);
  applyLocale(root, locale);
  await loaders[code]?.();
  await languageSettled();
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withHostPage],
  // Under test, every story is also checked by axe in Arabic and Japanese once its play function has run
  // (stories/support/locale.ts). Project hooks run before addon-a11y's, which then checks the story's own language.
  afterEach: checkLocales,
  globalTypes: {
    relinkTheme: {
      description: 'data-relink-theme on the host page',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['', 'light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Language of the host page (`lang`, and `dir` for a right-to-left language)',
      toolbar: { title: 'Language', icon: 'globe', items: LOCALES.map(({ code, name }) => ({ value: code, title: name, right: code })), dynamicTitle: true },
    },
    relinkDir: {
      description: 'Text direction of the host page',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['', 'ltr', 'rtl'], dynamicTitle: true },
    },
  },
  parameters: {
    // addon-a11y: an axe violation fails the story under addon-vitest and shows as an error in the panel. axe runs in
    // the addon's afterEach hook, which Storybook calls once the play function has resolved, so it checks the state the
    // play function waited for. Under addon-vitest Storybook pauses CSS animations just before (it does not wait for
    // them): play functions wait for fade-ins themselves (stories/support/queries.ts, animationsDone).
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { page: elementDocsPage },
  },
};

export default preview;
