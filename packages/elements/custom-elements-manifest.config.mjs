// `npm run analyze -w packages/elements` → custom-elements.json, from each component's JSDoc
// (@summary @slot @event @csspart @cssproperty) and its Lit properties. Shipped via "customElements" in
// package.json; Storybook's preview reads it for the args tables.
export default {
  globs: ['src/components/**/*.component.ts', 'src/internal/relink-element.ts', 'src/internal/connection-element.ts'],
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
  ],
};
