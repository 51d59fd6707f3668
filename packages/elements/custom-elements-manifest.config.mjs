// `npm run analyze -w packages/elements` → custom-elements.json, from each component's JSDoc
// (@summary @slot @event @csspart @cssproperty) and its Lit properties. Shipped via "customElements" in
// package.json; Storybook's preview reads it for the args tables. From the same manifest (wc-toolkit generators):
// editor data in dist/ide (VS Code custom HTML/CSS data, JetBrains web-types) and typed tags for JSX and Vue templates
// in dist/types (custom-element-svelte-integration's output needs React's JSX namespace, so Svelte is left out), all shipped in the package.
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

/** `relink-status-badge` → the built module that declares its class, relative to dist/types. */
const componentTypePath = (_name, tag) => {
  const dir = tag.replace(/^relink-/, '');
  return `../components/${dir}/${dir}.component.js`;
};
const typed = { outdir: './dist/types', componentTypePath, hideLogs: true };

/**
 * The generators import each element's event types from its component module, once per element: the events live in
 * events/ and several elements share one (a duplicate identifier). One type import from the package's index, which
 * exports every element class and event, replaces them all.
 */
const oneTypeImport = {
  name: 'relink-types-import-from-index',
  packageLinkPhase() {
    for (const file of readdirSync('./dist/types').filter((f) => f.endsWith('.d.ts'))) {
      const path = `./dist/types/${file}`;
      const source = readFileSync(path, 'utf8');
      const names = new Set();
      const rest = source.replace(/import type \{([^}]*)\} from "\.\.\/components\/[^"]+";\n/g, (_, list) => {
        for (const name of list.split(',').map((n) => n.trim()).filter(Boolean)) names.add(name);
        return '';
      });
      writeFileSync(path, `import type { ${[...names].sort().join(', ')} } from "../index.js";\n${rest}`);
    }
  },
};

export default {
  globs: ['src/components/**/*.component.ts', 'src/internal/relink-element.ts', 'src/internal/connection-element.ts', 'src/internal/confirm-dialog.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  packagejson: false,
  plugins: [
    {
      // Keep the API only: exported declarations, public members, named events (a dispatch of an Event
      // subclass is also recorded without a name; the JSDoc @event lines carry the documented ones).
      name: 'relink-public-api',
      packageLinkPhase({ customElementsManifest }) {
        // Modules come in the file system's directory order, which differs between checkouts (a fresh clone
        // reordered them and CI's clean-tree check failed): sort by path so the committed manifest is reproducible.
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const mod of customElementsManifest.modules) {
          const exported = new Set((mod.exports ?? []).map((e) => e.declaration?.name));
          mod.declarations = (mod.declarations ?? []).filter((d) => exported.has(d.name));
          for (const decl of mod.declarations) {
            if (decl.members) decl.members = decl.members.filter((m) => !m.privacy || m.privacy === 'public');
            if (decl.events) decl.events = decl.events.filter((e) => e.name);
          }
        }
      },
    },
    customElementVsCodePlugin({ outdir: './dist/ide', htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
    customElementJetBrainsPlugin({ outdir: './dist/ide', webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true }),
    customElementJsxPlugin({ ...typed, fileName: 'jsx.d.ts' }),
    customElementVuejsPlugin({ ...typed, fileName: 'vue.d.ts' }),
    oneTypeImport,
  ],
};
