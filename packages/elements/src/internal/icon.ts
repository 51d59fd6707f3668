import { Directive, directive } from 'lit/directive.js';

/** Lucide's icon data: `[tag, attributes][]` on a 24×24 canvas, stroked. */
export type IconNode = [tag: string, attrs: Record<string, string | number | undefined>][];

/** The `<svg>` of every icon: lucide's canvas and stroke, sized 1em in `currentColor`, decorative. */
const SVG = '<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">';

/**
 * The icon as markup, for writing into a template's own strings: an element that renders many icons (a table's row
 * badges) then clones each with its template, with no directive and no node of its own per icon. The attributes are
 * lucide's own static data (path data and numbers), written as they are.
 */
export const iconMarkup = (node: IconNode): string =>
  `${SVG}${node.map(([tag, attrs]) => `<${tag}${Object.entries(attrs).map(([name, value]) => (value === undefined ? '' : ` ${name}="${escapeAttribute(String(value))}"`)).join('')}></${tag}>`).join('')}</svg>`;

/** An attribute value as markup: the icon data is lucide's constants, but it is written into parsed markup. */
const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The icon's `<svg>` element, parsed from its markup (in a template, so it is in the SVG namespace). */
function build(node: IconNode): SVGSVGElement {
  const template = document.createElement('template');
  template.innerHTML = iconMarkup(node);
  return template.content.firstChild as SVGSVGElement;
}

// Each icon is built once per page and cloned after that: a table of many rows clones one SVG per row instead of
// setting every attribute of every path again.
const built = new WeakMap<IconNode, SVGSVGElement>();

function instance(node: IconNode): SVGSVGElement {
  let svg = built.get(node);
  if (!svg) built.set(node, (svg = build(node)));
  return svg.cloneNode(true) as SVGSVGElement;
}

class IconDirective extends Directive {
  private node?: IconNode;
  private svg?: SVGSVGElement;

  render(node: IconNode): SVGSVGElement {
    // A new SVG only when the icon changes, so re-renders keep the same DOM.
    if (node !== this.node) this.svg = instance((this.node = node));
    return this.svg!;
  }
}

/**
 * Renders one lucide icon as inline, decorative SVG (`aria-hidden`, sized 1em, `currentColor`). Import each icon
 * on its own so bundles keep only the icons used: `import Check from 'lucide/dist/esm/icons/check.mjs'`.
 */
export const icon = directive(IconDirective);

