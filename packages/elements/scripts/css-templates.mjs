// The css`` template minifier behind the build's scripts/minify-css.mjs, with no Node imports so the browser suite
// can check it on the real stylesheets (test/minified-styles.test.ts); test/minify-css.node.test.ts pins what it keeps and drops.

/** The CSS text between strings and interpolations: runs of spaces and comments shrink, newlines stay. */
const squeeze = (text) => text
  .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
  .replace(/\s+/g, (run) => (run.includes('\n') ? run.replace(/[^\n]/g, '') : ' '))
  .replace(/ ?([{};>]) ?/g, '$1')
  .replace(/: /g, ':');

/**
 * The template literal starting after the backtick at `start`: its collapsed text and where it ends, or undefined
 * when it holds something this scanner does not read (a nested template, an unterminated comment or string).
 */
function collapseTemplate(source, start) {
  let out = '';
  let text = '';
  const flush = () => {
    out += squeeze(text);
    text = '';
  };
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      text += source.slice(i, i + 2);
      i++;
    } else if (ch === '`') {
      flush();
      return { text: out, end: i };
    } else if (ch === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) return undefined;
      text += source.slice(i, close + 2);
      i = close + 1;
    } else if (ch === "'" || ch === '"') {
      const close = source.indexOf(ch, i + 1);
      if (close < 0 || source.slice(i, close).includes('\n')) return undefined;
      flush();
      out += source.slice(i, close + 1);
      i = close;
    } else if (ch === '$' && source[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < source.length; j++) {
        if (source[j] === '`') return undefined;
        if (source[j] === '{') depth++;
        if (source[j] === '}' && --depth === 0) break;
      }
      flush();
      out += source.slice(i, j + 1);
      i = j;
    } else {
      text += ch;
    }
  }
  return undefined;
}

/** Every css`…` (tsc writes `css \`…\``) of a module, collapsed; anything the scanner cannot read is left as it is. */
export function minifyCssTemplates(source) {
  let out = '';
  let from = 0;
  // A tag stands where an expression starts (after `=`, `(`, `,`, `[`, `return`…): `theme.css` + a closing backtick
  // inside another template is not one.
  for (const match of source.matchAll(/(?<=(?:^|[=(,:?[{};!&|+]|\b(?:return|default|yield))\s*)css ?`/gm)) {
    if (match.index < from) continue;
    const start = match.index + match[0].length;
    const template = collapseTemplate(source, start);
    if (!template) continue;
    out += source.slice(from, start) + template.text;
    from = template.end;
  }
  return out + source.slice(from);
}
