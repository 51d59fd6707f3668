import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConnectionStatus } from '@relink/sdk/schema';
import { badge, knownStatus } from '../../internal/badge.js';
import { plural } from '../../internal/format.js';
import { copyOf } from '../../internal/registry.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { statusBadge, statusWords } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import styles from './status-badge.styles.js';

/**
 * The badge's words: the common status words (renamed once for the kit with `setMessages({ common: { error: 'Expired' } })`,
 * or for one badge with `messages`; the status values never change), the descriptions and the expiry hint.
 */
export type StatusBadgeMessages = ElementMessages['status-badge'] & Pick<CommonMessages, 'active' | 'error' | 'pending' | 'revoked' | 'unknown'>;

/**
 * A connection's status as a label, an icon and a tone — never by colour alone. Works without a provider.
 *
 * @tag relink-status-badge
 * @summary Shows one of the four connection statuses, optionally with its description and an expiry hint.
 *
 * @csspart base - The badge: icon and label.
 * @csspart icon - The status icon (decorative).
 * @csspart label - The status label text.
 * @csspart description - The status description, with `with-description`.
 * @csspart hint - The "Reconnect within N days" hint beside the badge, with `expires-in-days`.
 *
 * @cssproperty --relink-status-badge-active-color - Tone of `active` (text, icon, tint); defaults to `--relink-color-success`.
 * @cssproperty --relink-status-badge-error-color - Tone of `error`; defaults to `--relink-color-danger`.
 * @cssproperty --relink-status-badge-pending-color - Tone of `pending`; defaults to `--relink-color-attention`.
 * @cssproperty --relink-status-badge-revoked-color - Tone of `revoked`; defaults to `--relink-color-neutral`.
 * @cssproperty --relink-status-badge-hint-color - Colour of the expiry hint; defaults to `--relink-color-attention`.
 * @cssproperty --relink-status-badge-radius - Corner radius; defaults to `--relink-radius` (6px).
 * @cssproperty --relink-status-badge-font-size - Label size; defaults to `--relink-font-size-small` (0.875em).
 */
export class RelinkStatusBadge extends RelinkElement<StatusBadgeMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('status-badge', statusBadge, statusWords);

  /** The connection status: `active`, `error`, `pending` or `revoked`. Anything else shows as unknown. */
  @property({ reflect: true }) status?: ConnectionStatus | (string & {});

  /** Shows the status description after the badge ("Reconnection needed."). */
  @property({ type: Boolean, attribute: 'with-description' }) withDescription = false;

  /**
   * Days until the credential expires for good (a token no refresh extends). When set on an `active` connection,
   * a "Reconnect within N days" hint shows beside the badge; it is a hint, not a fifth status.
   */
  @property({ type: Number, attribute: 'expires-in-days' }) expiresInDays?: number;

  override render() {
    const m = this.m;
    const status = knownStatus(this.status);
    const days = this.expiresInDays;
    return html`${badge(status, status ? m[status] : m.unknown, { base: 'base', icon: 'icon', label: 'label' })}${this.withDescription && status ? html`<span part="description">${m[`${status}Description`]}</span>` : nothing}${
        // `!= null`: a removed `expires-in-days` attribute reads as null (a renewed connection's hint goes away).
        status === 'active' && days != null && days >= 0
          ? html`<span part="hint" class="badge-hint">${plural(this.locale, days, m.expiresHint)}</span>`
          : nothing
      }`;
  }
}
