import { fillPlain } from './fill.js';

/**
 * Fills `{id}` in a host's URL template with the (encoded) id: `/connections/{id}` → `/connections/con_slack`.
 * No template (unset, or its attribute removed: `null`) → `undefined`, and the element renders text, not a link.
 */
export const fillHref = (template: string | null | undefined, id: string | undefined): string | undefined =>
  template == null ? undefined : fillPlain(template, { id: encodeURIComponent(id ?? '') });
