import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { selectReauthNeeded, type ReauthNeeded } from '@relink/sdk';
import Link2Off from 'lucide/dist/esm/icons/link-2-off.mjs';
import { collectionLoader } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkNavigateEvent } from '../../events/navigate.js';
import { fill } from '../../internal/fill.js';
import { isStale, staleNote, type StaleMessages } from '../../internal/stale.js';
import { plural } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { fillHref } from '../../internal/href.js';
import { icon } from '../../internal/icon.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { copyOf } from '../../internal/registry.js';
import { reauthBanner, stale } from '../../translations/en.js';
import type { ElementMessages } from '../../translations/translation.js';
import styles from './reauth-banner.styles.js';

export type ReauthBannerMessages = ElementMessages['reauth-banner'] & StaleMessages;

/**
 * The reauthorization alert of seed 002: a full-width strip in the error tone, shown while there are unresolved
 * `reauth_required` notifications in the provider's store (`selectReauthNeeded`). Its title counts the affected
 * connections ("A connection needs to be reauthorized", "3 connections need to be reauthorized") and its row is a
 * link titled after the newest affected app ("HubSpot reauth required") with how many more remain ("and 2 more").
 * It cannot be dismissed: it goes away by itself, live, when the last affected connection is reconnected (reading
 * its notification in the bell does not resolve it). It is announced politely once when it appears or when the count rises, not on every
 * re-render. Loads the notifications if no other element did.
 *
 * @tag relink-reauth-banner
 * @summary "N connections need to be reauthorized": a live, non-dismissible alert strip linking to the first app.
 *
 * @event {RelinkNavigateEvent} relink-navigate - The row's link was activated, `{ href, connectionId }`; cancel it to route in the host app.
 *
 * @csspart base - The strip (a labelled region); absent while nothing needs reauthorization.
 * @csspart icon - The broken-link icon (decorative).
 * @csspart content - Title and row.
 * @csspart title - "3 connections need to be reauthorized".
 * @csspart row - The line with the link and the remaining count.
 * @csspart link - "HubSpot reauth required" (a button when `href` is not set).
 * @csspart more - "and 2 more".
 *
 * @cssproperty --relink-reauth-banner-color - The tone (border and icon); defaults to `--relink-color-danger`.
 * @cssproperty --relink-reauth-banner-background - Background; defaults to the tone at 12% over `--relink-color-surface`.
 * @cssproperty --relink-reauth-banner-radius - Corner radius; defaults to `--relink-radius`.
 * @cssproperty --relink-reauth-banner-padding - Padding; defaults to `--relink-space-3 --relink-space-4`.
 */
export class RelinkReauthBanner extends RelinkElement<ReauthBannerMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('reauth-banner', reauthBanner, stale);

  private readonly data = new StoreController<ReauthNeeded>(this, selectReauthNeeded);
  private readonly loader = collectionLoader(this, () => this.data.store, ['notifications']);
  // Whether the service can be reached: old data says it may be out of date.
  private readonly live = new StoreController(this, (s) => s.live);

  /**
   * Where the row's link goes: the workspace's Connections page, e.g. `/connections` or `/connections/{id}`
   * (`{id}` is the first affected connection). Unset: the row is a button that only fires `relink-navigate`.
   */
  @property() href?: string;

  /** Level of the title's heading (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The live region's text: set only when the banner appears or its count rises. */
  @state() private announcement = '';
  private reauth?: ReauthNeeded;
  private shownCount = 0;
  /** The language the live region's text is in: a language change is not news, so it empties the region silently. */
  private announcedIn = '';

  /** How many connections need reauthorization (0: the banner is hidden). */
  get count(): number {
    return this.reauth?.count ?? 0;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.reauth = this.data.value;
    if (this.announcedIn !== this.locale) this.announcement = '';
    this.announcedIn = this.locale;
    const count = this.count;
    if (count > this.shownCount) {
      const r = this.reauth!;
      const m = this.m;
      const locale = this.locale;
      this.announcement = `${plural(locale, count, m.title)}. ${fill(m.link, { app: r.firstAppName ?? '' })}${r.more ? ` ${plural(locale, r.more, m.more)}` : ''}`;
    } else if (count < this.shownCount) {
      // Silent: a shrinking or cleared banner is not news; clearing lets the same text be announced again later.
      this.announcement = '';
    }
    this.shownCount = count;
  }

  private handleNavigate(event: MouseEvent, href: string): void {
    if (!this.dispatchEvent(new RelinkNavigateEvent({ href, connectionId: this.reauth?.firstConnectionId }))) event.preventDefault();
  }

  override render() {
    const r = this.reauth;
    const live = html`<div class="sr" role="status" aria-live="polite">${this.announcement}</div>`;
    if (!r?.count) return live;
    const m = this.m;
    const href = fillHref(this.href, r.firstConnectionId);
    const label = fill(m.link, { app: r.firstAppName ?? '' });
    return html`${live}<section part="base" aria-labelledby="title">
      <span part="icon">${icon(Link2Off)}</span>
      <div part="content">
        ${heading(this.headingLevel, { part: 'title', id: 'title' }, plural(this.locale, r.count, m.title))}
        <p part="row">${href !== undefined
          ? html`<a part="link" href=${href} @click=${(e: MouseEvent) => this.handleNavigate(e, href)}>${label}</a>`
          : html`<button part="link" type="button" @click=${(e: MouseEvent) => this.handleNavigate(e, '')}>${label}</button>`}${r.more
          ? html` <span part="more">${plural(this.locale, r.more, m.more)}</span>`
          : nothing}</p>
        ${staleNote(this.live.value !== undefined && isStale({ live: this.live.value }), m)}
      </div>
    </section>`;
  }
}
