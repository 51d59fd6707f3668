import { html, type TemplateResult } from 'lit';
import type * as Virtualize from '@lit-labs/virtualizer/virtualize.js';
import type { RelinkStore, Run, RunWindow, RunWindowQuery } from '@relink/sdk';
import { FewRows, FIRST_SCREEN, firstRows, whenIdle, windowItems } from '../../internal/long-list.js';

type VirtualizeModule = typeof Virtualize;
/** The virtualizer once loaded: a list mounted after that does not wait for it. */
let virtualizerModule: VirtualizeModule | undefined;

/** What the runs list lends its window view: its rendering of rows and cells, and whether it still shows a window. */
export interface RunsWindowHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly isConnected: boolean;
  requestUpdate(): void;
  /** Whether the list still shows the server's rows (not every run from the store). */
  showsWindow(): boolean;
  /** The plain table of these rows (what shows while the virtualizer loads). */
  renderTable(rows: readonly Run[]): TemplateResult;
  /** One render's virtualized rows: a run's, or a placeholder while its page loads. */
  virtualRows(): (run: Run | undefined, index: number) => TemplateResult;
  headings(): string[];
  caption(): string;
}

/**
 * The runs list above `page-threshold` (issue 17): a window onto the server's list for the pressed chip, the rows the
 * virtualizer renders asking for their pages. Its own module, loaded only by a list that turns out to be that long.
 */
export class RunsWindowView {
  window?: RunWindow;
  #key = '';
  #stop?: () => void;
  /** The rows the virtualizer last rendered: a new window asks for them first. */
  #range: [first: number, last: number] = [0, FIRST_SCREEN];
  #rangeSource?: Element;
  #virtualizer = virtualizerModule;
  /**
   * Whether the first rows were painted (in the plain table): the virtualizer takes over only then, once the page is
   * idle, as its first render lays rows out over frames and would hold back their first paint.
   */
  #painted = false;
  /** Whether the window's rows show in the plain table, sized to them. */
  readonly #few = new FewRows();
  #paintQueued = false;

  constructor(private readonly host: RunsWindowHost) {}

  open(window: RunWindow): void {
    this.close();
    this.window = window;
    this.#key = JSON.stringify(window.query);
    this.#few.opened(window);
    this.#stop = window.subscribe(() => this.host.requestUpdate());
    void window.ensure(...this.#range);
  }

  close(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.window?.close();
    this.window = undefined;
    this.#key = '';
  }

  /** The virtualizer rendered other rows: ask for their pages. */
  readonly #handleRange = (event: Event): void => {
    const { first, last } = event as Event & { first: number; last: number };
    if (first < 0 || last < first) return;
    this.#range = [first, last];
    void this.window?.ensure(first, last);
  };

  /** Another chip opens a window onto its query (starting at its first row); the virtualizer loads once. */
  update(store: RelinkStore, query: RunWindowQuery): void {
    const key = JSON.stringify(query);
    if (key !== this.#key) {
      this.#key = key;
      // The rows shown stay until the new chip has its first rows (the pressed chip keeps focus, nothing is rebuilt).
      void store.runs.window(query).then(async (opened) => {
        const stale = () => this.#key !== key || !this.host.isConnected || !this.host.showsWindow();
        if (!stale()) await opened.ensure(0, FIRST_SCREEN);
        if (stale()) return opened.close();
        this.#range = [0, FIRST_SCREEN];
        this.host.renderRoot.querySelector('.scroller')?.scrollTo(0, 0);
        this.open(opened);
        this.host.requestUpdate();
      });
    }
    if (!this.#virtualizer) {
      void import('@lit-labs/virtualizer/virtualize.js').then((module) => {
        this.#virtualizer = virtualizerModule = module;
        this.host.requestUpdate();
      });
    }
  }

  /**
   * After a render: the first rows' frame queues the virtualizer's turn; the virtualizer tells the scroller which rows
   * it rendered (`rangeChanged` does not bubble).
   */
  updated(): void {
    if (!this.#painted && !this.#paintQueued && this.window?.total !== undefined && this.host.showsWindow()) {
      this.#paintQueued = true;
      requestAnimationFrame(() => whenIdle(() => {
        this.#painted = true;
        this.host.requestUpdate();
      }));
    }
    const scroller = this.host.showsWindow() ? this.host.renderRoot.querySelector('.scroller') ?? undefined : undefined;
    if (scroller === this.#rangeSource) return;
    this.#rangeSource?.removeEventListener('rangeChanged', this.#handleRange);
    scroller?.addEventListener('rangeChanged', this.#handleRange);
    this.#rangeSource = scroller;
  }

  /** The rows the server has for the chip, virtualized once the virtualizer is loaded and the first rows painted. */
  render(window: RunWindow): TemplateResult {
    const total = window.total ?? 0;
    // A few rows (a chip with few runs) show in the plain table, sized to them.
    const few = this.#few.rows(window);
    if (few) return this.host.renderTable(few);
    if (!this.#virtualizer || !this.#painted) {
      // Until the virtualizer is loaded and the first rows painted, they show in the plain table: the data is there.
      return this.host.renderTable(firstRows(window));
    }
    const row = this.host.virtualRows();
    return html`<div part="table" role="table" aria-label=${this.host.caption()} aria-rowcount=${total + 1}>
      <div role="rowgroup"><div part="header" role="row">${this.host.headings().map((h) => html`<div role="columnheader">${h}</div>`)}</div></div>
      <div role="rowgroup" class="scroller" tabindex="0">${this.#virtualizer.virtualize({
        items: windowItems(window),
        scroller: true,
        keyFunction: (run: Run | undefined, index: number) => run?.id ?? `placeholder-${index}`,
        renderItem: row,
      })}</div>
    </div>`;
  }
}
