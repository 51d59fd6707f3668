// Lucide publishes one ES module per icon (`dist/esm/icons/<name>.mjs`, default export = icon node) but types
// only its barrel. Importing the per-icon module keeps bundles and dev servers from touching the other icons.
declare module 'lucide/dist/esm/icons/*.mjs' {
  const node: [tag: string, attrs: Record<string, string | number | undefined>][];
  export default node;
}
