import { Directive, directive } from 'lit/directive.js';

/** Lucide's icon data: `[tag, attributes][]` on a 24×24 canvas, stroked. */
export type IconNode = [tag: string, attrs: Record<string, string | number | undefined>][];

const NS = 'http://www.w3.org/2000/svg';

/** The `<svg>` of every icon: lucide's canvas and stroke, sized 1em in `currentColor`, decorative. */
const SVG_ATTRIBUTES = {
  viewBox: '0 0 24 24', width: '1em', height: '1em', fill: 'none', stroke: 'currentColor', 'stroke-width': 2,
  'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false',
};

function build(node: IconNode): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  const set = (el: Element, attrs: Record<string, string | number | undefined>) => {
    for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  };
  set(svg, SVG_ATTRIBUTES);
  for (const [tag, attrs] of node) {
    const child = document.createElementNS(NS, tag);
    set(child, attrs);
    svg.append(child);
  }
  return svg;
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

const escapeAttribute = (value: string | number) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const attributes = (attrs: Record<string, string | number | undefined>) =>
  Object.entries(attrs).map(([name, value]) => (value === undefined ? '' : ` ${name}="${escapeAttribute(value)}"`)).join('');

/**
 * The icon as markup, the same SVG `icon()` renders, for writing into a template's own strings: an element that
 * renders many icons (a table's row badges) then clones each with its template, with no directive and no node of its
 * own per icon.
 */
export const iconMarkup = (node: IconNode): string =>
  `<svg${attributes(SVG_ATTRIBUTES)}>${node.map(([tag, attrs]) => `<${tag}${attributes(attrs)}></${tag}>`).join('')}</svg>`;
