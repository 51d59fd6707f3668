import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { NotificationKind, NotificationPreference, NotificationPreferences } from '@relink/sdk';
import { initialState, ResourceController } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkNotificationPreferencesChangeEvent } from '../../events/notification-preferences-change.js';
import { errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { emptyState, failedState, loadingState } from '../../internal/load-state.js';
import { copyOf } from '../../internal/registry.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { errorKinds, notificationSettings, retry } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import styles from './notification-settings.styles.js';

/** The settings' words, and the common ones they say (a failed load or save, Try again). */
export type NotificationSettingsMessages = ElementMessages['notification-settings'] & ErrorKindMessages & Pick<CommonMessages, 'retry'>;

/**
 * Which kinds of notification reach the viewer's bell (seed 004: "Make sure … connection status notifications are
 * turned on"): a checkbox per kind with its label and what it is about. A change saves at once
 * (`store.updateNotificationPreferences`): the box shows the new choice while "Saving…" is announced, changes made
 * meanwhile are saved in order, and "Notification settings saved." follows. A refused or failed save puts the box
 * back as the server has it and says why. A kind the viewer cannot turn off (the agency's reauthorization alerts,
 * which the reauth banner counts) is checked and disabled, with the server's reason beside it. The server applies
 * the choice: a kind turned off leaves the viewer's notification list, so the bell drops it at once.
 * Keyboard: Tab moves between the boxes, Space toggles one. While loading it is busy with a skeleton; a failed load
 * says why with "Try again".
 *
 * @tag relink-notification-settings
 * @summary Checkboxes for which notification kinds reach the viewer's bell, saved on change.
 *
 * @event {RelinkNotificationPreferencesChangeEvent} relink-notification-preferences-change - The server saved a change, `{ preferences }`.
 *
 * @csspart base - The `<fieldset>`.
 * @csspart legend - "Notifications".
 * @csspart description - The line under the legend.
 * @csspart list - The list of kinds.
 * @csspart item - One kind; also `locked` when the viewer cannot turn it off, `off` when it is off.
 * @csspart checkbox - The kind's checkbox.
 * @csspart label - The kind's name.
 * @csspart kind-description - What the kind is about.
 * @csspart locked-reason - Why a locked kind cannot be turned off.
 * @csspart status - "Saving…" / "Notification settings saved." (a polite live region).
 * @csspart save-error - Why the last change was not saved (an alert).
 * @csspart loading - The loading state.
 * @csspart error - A failed load, with `retry`.
 * @csspart retry - "Try again".
 * @csspart empty - No kinds to set up (`empty-title`).
 * @csspart empty-title - The empty state's text.
 *
 * @cssproperty --relink-notification-settings-item-radius - Corner radius of each kind; defaults to `--relink-radius`.
 */
export class RelinkNotificationSettings extends RelinkElement<NotificationSettingsMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('notification-settings', notificationSettings, errorKinds, noCodes, retry);

  private readonly data = new StoreController(this, () => undefined);

  private readonly preferences = new ResourceController(this, {
    args: () => [this.data.store] as const,
    load: async ([store], { signal }) => (store ? store.loadNotificationPreferences({ signal }) : initialState),
  });

  /** The server's answer to the last save (newer than the load). */
  @state() private saved?: NotificationPreferences;
  /** Choices not yet confirmed by the server, by kind: what the boxes show meanwhile. */
  @state() private pending: ReadonlyMap<NotificationKind, boolean> = new Map();
  @state() private saveError?: unknown;
  /** What the status line says (by key, so a later change of language re-says it). */
  @state() private status: 'saving' | 'saved' | undefined;

  // Saves run one after another, in the order the user made them.
  private queue: Promise<void> = Promise.resolve();
  private inFlight = 0;
  // Saves still queued per kind: the box keeps the user's latest choice until the last of them settles.
  private readonly queued = new Map<NotificationKind, number>();

  /** Whether a change is being saved. */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  /** Loads the preferences again (what "Try again" does). */
  reload(): Promise<void> {
    this.saved = undefined;
    return this.preferences.run();
  }

  private get current(): readonly NotificationPreference[] {
    return (this.saved ?? this.preferences.value)?.data ?? [];
  }

  private handleChange(kind: NotificationKind, event: Event): void {
    const store = this.data.store;
    if (!store) return;
    const enabled = (event.target as HTMLInputElement).checked;
    this.pending = new Map(this.pending).set(kind, enabled);
    this.saveError = undefined;
    this.status = 'saving';
    this.inFlight += 1;
    this.queued.set(kind, (this.queued.get(kind) ?? 0) + 1);
    this.queue = this.queue.then(async () => {
      try {
        this.saved = await store.updateNotificationPreferences([{ kind, enabled }]);
        this.dispatchEvent(new RelinkNotificationPreferencesChangeEvent({ preferences: this.saved }));
        if (this.inFlight === 1) this.status = 'saved';
      } catch (error) {
        this.saveError = error;
        this.status = undefined;
      } finally {
        this.inFlight -= 1;
        const left = (this.queued.get(kind) ?? 1) - 1;
        this.queued.set(kind, left);
        // The last choice for this kind is settled: the box shows the server's value again.
        if (left === 0) {
          const next = new Map(this.pending);
          next.delete(kind);
          this.pending = next;
        }
      }
    });
  }

  private renderItem(p: NotificationPreference) {
    const m = this.m;
    const checked = p.locked !== undefined || (this.pending.get(p.kind) ?? p.enabled);
    const id = `kind-${p.kind}`;
    const describedBy = [`${id}-description`, p.locked ? `${id}-locked` : ''].filter(Boolean).join(' ');
    return html`<li part="item${p.locked ? ' locked' : ''}${checked ? '' : ' off'}">
      <input part="checkbox" type="checkbox" id=${id} .checked=${live(checked)} ?disabled=${p.locked !== undefined}
        aria-describedby=${describedBy} @change=${(e: Event) => this.handleChange(p.kind, e)} />
      <label part="label" for=${id}>${m.kinds[p.kind] ?? p.kind}</label>
      <p part="kind-description" id="${id}-description">${m.descriptions[p.kind] ?? ''}</p>
      ${p.locked ? html`<p part="locked-reason" id="${id}-locked">${m.locked[p.locked] ?? ''}</p>` : nothing}
    </li>`;
  }

  private renderBody() {
    const m = this.m;
    if (this.preferences.error !== undefined && !this.preferences.value) {
      return failedState(this.preferences.error, m, () => void this.reload());
    }
    if (!this.preferences.value) return loadingState(m.loading);
    const current = this.current;
    if (current.length === 0) return emptyState(m.empty);
    return html`<ul part="list" aria-busy=${this.busy ? 'true' : 'false'}>${repeat(current, (p) => p.kind, (p) => this.renderItem(p))}</ul>
      ${this.saveError !== undefined
        ? html`<p part="save-error" role="alert">${m.saveFailed} ${errorCopy(this.saveError, m)}</p>`
        : nothing}`;
  }

  override render() {
    const m = this.m;
    return html`<fieldset part="base" aria-busy=${this.preferences.value ? 'false' : 'true'}>
      <legend part="legend">${m.legend}</legend>
      <p part="description">${m.description}</p>
      ${this.renderBody()}
      <p part="status" role="status">${this.status ? m[this.status] : ''}</p>
    </fieldset>`;
  }
}
