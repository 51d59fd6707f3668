import { Directive, directive } from 'lit/directive.js';

/** Lucide's icon data: `[tag, attributes][]` on a 24×24 canvas, stroked. */
export type IconNode = [tag: string, attrs: Record<string, string | number | undefined>][];

const NS = 'http://www.w3.org/2000/svg';

function build(node: IconNode): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  const set = (el: Element, attrs: Record<string, string | number | undefined>) => {
    for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  };
  set(svg, {
    viewBox: '0 0 24 24', width: '1em', height: '1em', fill: 'none', stroke: 'currentColor', 'stroke-width': 2,
    'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false',
  });
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
