import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type { PublishCheck, RelinkSnapshot } from '@relink/sdk';
import CircleCheck from 'lucide/dist/esm/icons/circle-check.mjs';
import Link2Off from 'lucide/dist/esm/icons/link-2-off.mjs';
import { clientContext } from '../../context/client-context.js';
import { initialState, ResourceController } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkNavigateEvent } from '../../events/navigate.js';
import { fillHref } from '../../internal/href.js';
import { icon } from '../../internal/icon.js';
import { noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { failedState, loadingState } from '../../internal/load-state.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { copyOf } from '../../internal/registry.js';
import { errorKinds, publishCheck, retry } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import styles from './publish-check.styles.js';

export type PublishCheckMessages = ElementMessages['publish-check'] & ErrorKindMessages & Pick<CommonMessages, 'retry'>;

/**
 * The publish gate (seed 002): asks the server whether workflow `workflow-id` may be published
 * (`client.workflows.publishCheck`) and lists each node with an inactive connection in the server's words
 * ("Trigger node has an inactive connection", "Action node has an inactive connection"), each with a link to fix
 * that connection (`connection-href`). Shows an OK line when it is publishable. Checks again when a connection
 * changes in the provider's store (e.g. after a reconnect), aborting a superseded check.
 *
 * @tag relink-publish-check
 * @summary "Trigger node has an inactive connection" with a link to fix it, or an OK line.
 *
 * @event {RelinkNavigateEvent} relink-navigate - A "Fix connection" link was activated, `{ href, connectionId }`; cancel it to route in the host app.
 *
 * @csspart base - The result.
 * @csspart problems - The list of problems.
 * @csspart problem - One problem.
 * @csspart icon - Each line's icon.
 * @csspart message - The server's message for a problem.
 * @csspart fix - The link to the connection.
 * @csspart ok - The OK line.
 * @csspart loading - "Checking connections…" while the first check runs.
 * @csspart error - A failed check with "Try again".
 * @csspart retry - The "Try again" button.
 *
 * @cssproperty --relink-publish-check-problem-color - Tone of problems; defaults to `--relink-color-danger`.
 * @cssproperty --relink-publish-check-ok-color - Tone of the OK line; defaults to `--relink-color-success`.
 */
export class RelinkPublishCheck extends RelinkElement<PublishCheckMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('publish-check', publishCheck, errorKinds, noCodes, retry);

  private readonly clientConsumer = new ContextConsumer(this, { context: clientContext, subscribe: true });
  /**
   * What the check's answer depends on: the status of each connection it read. Another change (a label, a refresh
   * time, a notification, rows another view loads or lets go) does not check again.
   */
  private readonly statuses = new StoreController<string>(this, (s) => statusesOf(s, this.followed));
  /** The connections the last answer read. */
  private followed: readonly string[] = [];
  /** Their statuses when it came, and how many times they have changed since: each change checks again. */
  private answeredWith = '';
  private changes = 0;

  /** The workflow to check, e.g. `wf_lead_sync`. */
  @property({ attribute: 'workflow-id', reflect: true }) workflowId = '';

  /** Link of a connection to fix: `{id}` is the connection's id. Unset: "Fix connection" is a button that only fires `relink-navigate`. */
  @property({ attribute: 'connection-href' }) connectionHref?: string;

  private readonly check = new ResourceController(this, {
    args: () => [this.clientConsumer.value ?? this.statuses.store?.client, this.workflowId, this.statusChanges()] as const,
    load: async ([client, workflowId], { signal }) => {
      if (!client || !workflowId) return initialState;
      const result = await client.workflows.publishCheck(workflowId, { signal });
      // A check overtaken by another, or answered after the element left the page, follows nothing.
      if (!signal.aborted && this.isConnected) this.follow(result);
      return result;
    },
  });

  /** Stops following the connections of the last answer. */
  private unfollow?: () => void;

  /**
   * Follow the connections the answer read, so the store keeps their live changes (it does not keep a change to a
   * connection no view holds) and a status change checks again. The last answer's stay followed until the next.
   */
  private follow(result: PublishCheck | undefined): void {
    this.unfollow?.();
    const store = this.statuses.store;
    this.followed = result ? result.connectionIds ?? result.problems.map((p) => p.connectionId) : [];
    this.answeredWith = store ? statusesOf(store.getSnapshot(), this.followed) : '';
    this.unfollow = result && store?.connections.follow(this.followed);
  }

  /** Counts the changes of the followed connections' statuses since the last answer (the check's argument). */
  private statusChanges(): number {
    const now = this.statuses.value ?? '';
    if (now !== this.answeredWith) {
      this.answeredWith = now;
      this.changes++;
    }
    return this.changes;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.result) this.follow(this.result);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.follow(undefined);
  }

  /** The latest result (undefined while the first check runs). */
  get result(): PublishCheck | undefined {
    return this.check.value;
  }

  /** Checks again. */
  recheck(): Promise<void> {
    return this.check.run();
  }

  private handleFix(event: MouseEvent, href: string, connectionId: string): void {
    if (!this.dispatchEvent(new RelinkNavigateEvent({ href, connectionId }))) event.preventDefault();
  }

  private renderResult(result: PublishCheck | undefined) {
    const m = this.m;
    if (!result) return nothing;
    if (result.ok) return m.ok ? html`<p part="ok" role="status"><span part="icon">${icon(CircleCheck)}</span>${m.ok}</p>` : nothing;
    return html`<ul part="problems" role="list">${result.problems.map((p) => {
      const href = fillHref(this.connectionHref, p.connectionId);
      const id = `problem-${p.nodeId}`;
      return html`<li part="problem"><span part="icon">${icon(Link2Off)}</span><span part="message" id=${id}>${p.message}</span>${href !== undefined
        ? html`<a part="fix" href=${href} aria-describedby=${id} @click=${(e: MouseEvent) => this.handleFix(e, href, p.connectionId)}>${m.fix}</a>`
        : html`<button part="fix" type="button" aria-describedby=${id} @click=${(e: MouseEvent) => this.handleFix(e, '', p.connectionId)}>${m.fix}</button>`}</li>`;
    })}</ul>`;
  }

  override render() {
    const m = this.m;
    // The last result stays while re-checking, so a live re-check does not flash.
    const { pending, value: result, error } = this.check;
    return html`<div part="base" aria-busy=${pending ? 'true' : 'false'}>${error !== undefined
      ? failedState(error, m, () => void this.recheck())
      : result
        ? this.renderResult(result)
        : pending ? loadingState(m.checking) : nothing}</div>`;
  }
}

/** These connections' ids and statuses (empty for one the store does not hold), as one string. */
const statusesOf = (s: RelinkSnapshot, ids: readonly string[]): string => ids.map((id) => `${id}:${s.connections.byId.get(id)?.status ?? ''}`).join(' ');
