/** Fills `{id}` in a host's URL template with the (encoded) id: `/connections/{id}` → `/connections/con_slack`. */
export const fillHref = (template: string | undefined, id: string | undefined): string | undefined =>
  template === undefined ? undefined : template.replaceAll('{id}', encodeURIComponent(id ?? ''));
