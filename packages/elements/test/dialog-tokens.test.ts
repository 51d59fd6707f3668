import { expect } from '@open-wc/testing';
import { RelinkRevokeDialog } from '../src/components/revoke-dialog/revoke-dialog.js';
import { RelinkRemoveDialog } from '../src/components/remove-dialog/remove-dialog.js';

/** Width, corner radius and backdrop colour of a modal dialog styled by `ctor`'s sheets, under an ancestor with `style`. */
function probe(ctor: typeof RelinkRevokeDialog | typeof RelinkRemoveDialog, style: string) {
  const outer = document.createElement('div');
  outer.setAttribute('style', style);
  const host = document.createElement('span');
  outer.append(host);
  document.body.append(outer);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = ctor.elementStyles.map((s) => (s as { styleSheet: CSSStyleSheet }).styleSheet);
  const dialog = document.createElement('dialog');
  dialog.textContent = 'x';
  root.append(dialog);
  dialog.showModal();
  const cs = getComputedStyle(dialog);
  const result = [cs.width, cs.borderTopLeftRadius, getComputedStyle(dialog, '::backdrop').backgroundColor].join(' | ');
  dialog.close();
  outer.remove();
  return result;
}

// The two dialogs share one stylesheet (internal/confirm-dialog.ts); each keeps its own documented custom properties.
describe("confirm dialogs: each element's own --relink-<tag>-width, -radius and -backdrop", () => {
  it('defaults: 28rem (revoke) and 30rem (remove), the kit radius, 40% black', () => {
    expect(probe(RelinkRevokeDialog, '')).to.equal('448px | 6px | rgba(0, 0, 0, 0.4)');
    expect(probe(RelinkRemoveDialog, '')).to.equal('480px | 6px | rgba(0, 0, 0, 0.4)');
  });

  it("a host's values on an ancestor win, each element reading only its own names", () => {
    const revoke = '--relink-revoke-dialog-width: 200px; --relink-revoke-dialog-radius: 3px; --relink-revoke-dialog-backdrop: rgb(255, 0, 0)';
    const remove = '--relink-remove-dialog-width: 220px; --relink-remove-dialog-radius: 5px; --relink-remove-dialog-backdrop: rgb(0, 255, 0)';
    expect(probe(RelinkRevokeDialog, `${revoke}; ${remove}`)).to.equal('200px | 3px | rgb(255, 0, 0)');
    expect(probe(RelinkRemoveDialog, `${revoke}; ${remove}`)).to.equal('220px | 5px | rgb(0, 255, 0)');
  });
});
