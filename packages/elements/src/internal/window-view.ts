import { html, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type * as Virtualize from '@lit-labs/virtualizer/virtualize.js';

// A long list's rows after its first screen (issue 17), one view for the connections table and the runs list: the
// window onto the server's list (reopened when the query changes, its pages asked for as the virtualizer's range
// moves) and the virtualizer. Loaded on demand, only by a list that turns out to be long: like every such module it
// imports nothing of the page's up-front code (test/on-demand-leaves.node.test.ts), its host lends what it needs.

type VirtualizeModule = typeof Virtualize;
/** The virtualizer once loaded: a list mounted after that renders its rows at once, without waiting a turn. */
let virtualizerModule: VirtualizeModule | undefined;

/** What the view reads of a window (a `ConnectionWindow` or a `RunWindow`). */
export interface ListWindow<T> {
  /** The query it was opened for: `update` opens no other window for it. */
  readonly query: object;
  readonly total: number | undefined;
  readonly error: unknown;
  readonly version: number;
  at(index: number): T | undefined;
  ensure(first: number, last?: number): Promise<void>;
  subscribe(listener: () => void): () => void;
  close(): void;
}

/** One render's virtualized rows: a loaded row's template, and what else it depends on (a row re-renders only when that changes). */
export interface VirtualRows<T> {
  render(row: T, index: number): TemplateResult;
  /** Without it every row on screen renders again with the list. */
  deps?(row: T): readonly unknown[];
}

/** What a list lends its window view. */
export interface WindowViewHost<T> {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly isConnected: boolean;
  requestUpdate(): void;
  /** Whether the list still shows the server's rows (not every item from the store). */
  showsWindow(): boolean;
  /** The plain table of these rows; `pending` while the virtualizer is still to take over. */
  renderTable(rows: readonly T[], pending: boolean): TemplateResult;
  virtualRows(): VirtualRows<T>;
  /** The header row's `role=columnheader` cells. */
  columnHeaders(): TemplateResult[];
  /** The list's accessible name. */
  caption(): string;
  /** What the list says when the virtualizer did not load (`error`: the browser's), under the rows it can show. */
  virtualizerFailed(error: unknown): TemplateResult;
  /** The loaded rows in the virtualizer's range, after it or they changed (the table announces their live changes). */
  shown?(rows: readonly T[], window: ListWindow<T>): void;
}

/**
 * Runs `task` when the page is next idle (at most 100 ms later); a timer where there is no `requestIdleCallback` (Safari).
 * internal/idle.ts's, not imported: this module imports nothing of the page's up-front code.
 */
const whenIdle = (task: () => void): void =>
  void (typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 100 }) : setTimeout(task));

/** A window's rows as the virtualizer's items: its length is the total, a row not loaded yet is undefined. */
function windowItems<T>(window: ListWindow<T>): (T | undefined)[] {
  const length = window.total ?? 0;
  return new Proxy([], {
    get: (target, key, receiver) =>
      key === 'length' ? length : typeof key === 'string' && /^\d+$/.test(key) ? window.at(Number(key)) : Reflect.get(target, key, receiver),
  });
}

/**
 * A list's rows above its first screen: a window onto the server's list for the host's query, or (`renderAll`) every
 * row of a long list held in memory, virtualized once the virtualizer is loaded.
 */
export class WindowView<T extends { id: string }> {
  window?: ListWindow<T>;
  #key = '';
  /** The query of a window being opened. */
  #opening?: string;
  #version = -1;
  #stop?: () => void;
  /** The rows the virtualizer last rendered: a new window asks for them first. */
  #range: [first: number, last: number];
  #rangeSource?: Element;
  #virtualizer = virtualizerModule;
  /**
   * Whether a window's first rows were painted (plainly, in the virtualized table's frame): the virtualizer takes over only then, once the
   * page is idle, as its first render lays rows out over frames and would hold back their first paint.
   */
  #painted = false;
  #paintQueued = false;
  /**
   * Whether the window's rows show in the plain table, sized to them (a search with few matches) rather than in the
   * virtualizer's fixed-height scroller, mostly empty: decided when a window opens, and let go for good once it holds
   * more than a screenful. A list whose total moves around a screenful is then not rebuilt back and forth between the
   * two tables, which would take a row's running reconnect flow and the keyboard focus with it.
   */
  #few = false;

  /** `firstScreen`: the rows shown plainly while the virtualizer loads (long-list.ts's `FIRST_SCREEN`). */
  constructor(private readonly host: WindowViewHost<T>, private readonly firstScreen: number) {
    this.#range = [0, firstScreen];
  }

  open(window: ListWindow<T>): void {
    this.close();
    this.window = window;
    this.#key = JSON.stringify(window.query);
    this.#version = -1;
    this.#few = window.total !== undefined && window.total <= this.firstScreen;
    this.#stop = window.subscribe(() => this.host.requestUpdate());
    void window.ensure(...this.#range);
  }

  close(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.window?.close();
    this.window = undefined;
  }

  /** The virtualizer rendered other rows: ask for their pages. */
  readonly #handleRange = (event: Event): void => {
    const { first, last } = event as Event & { first: number; last: number };
    if (first < 0 || last < first) return;
    this.#range = [first, last];
    void this.window?.ensure(first, last);
    this.#shown();
  };

  #shown(): void {
    const window = this.window;
    if (!window || !this.host.shown) return;
    const rows: T[] = [];
    for (let i = this.#range[0]; i <= this.#range[1]; i++) {
      const row = window.at(i);
      if (row) rows.push(row);
    }
    this.host.shown(rows, window);
  }

  /**
   * Before a render: another query (`JSON.stringify`-able) opens a window onto it with `open`, starting at its first
   * row; the rows shown stay until it has its first rows (the sort button or chip pressed keeps focus, nothing is
   * rebuilt around a loading state). The virtualizer loads once.
   */
  update(query: object, open: () => Promise<ListWindow<T>>): void {
    const key = JSON.stringify(query);
    if (key !== this.#key || (!this.window && this.#opening !== key)) {
      this.#key = key;
      this.#opening = key;
      const stale = () => this.#key !== key || !this.host.isConnected || !this.host.showsWindow();
      void open().then(async (opened) => {
        if (!stale()) await opened.ensure(0, this.firstScreen).catch(() => undefined);
        if (this.#opening === key) this.#opening = undefined;
        if (stale()) return opened.close();
        this.#range = [0, this.firstScreen];
        this.host.renderRoot.querySelector('.scroller')?.scrollTo(0, 0);
        this.open(opened);
        this.host.requestUpdate();
      }, () => {
        if (this.#opening === key) this.#opening = undefined;
      });
    }
    const window = this.window;
    if (window && window.version !== this.#version) {
      this.#version = window.version;
      this.#shown();
    }
    this.#load();
  }

  /** The virtualizer did not load: the rows that can show without it stay, with the host's words (never retried here). */
  #failed?: { error: unknown };

  #load(): void {
    if (this.#virtualizer || this.#failed) return;
    void import('@lit-labs/virtualizer/virtualize.js').then((module) => {
      this.#virtualizer = virtualizerModule = module;
      this.host.requestUpdate();
    }, (error: unknown) => {
      this.#failed = { error };
      this.host.requestUpdate();
    });
  }

  /**
   * After a render: the first rows' frame queues the virtualizer's turn; the virtualizer tells the scroller which rows
   * it rendered (`rangeChanged` does not bubble).
   */
  updated(): void {
    const windowed = this.host.showsWindow();
    if (!this.#painted && !this.#paintQueued && this.window?.total !== undefined && windowed) {
      this.#paintQueued = true;
      requestAnimationFrame(() => whenIdle(() => {
        this.#painted = true;
        this.host.requestUpdate();
      }));
    }
    const scroller = windowed ? this.host.renderRoot.querySelector('.scroller') ?? undefined : undefined;
    if (scroller === this.#rangeSource) return;
    this.#rangeSource?.removeEventListener('rangeChanged', this.#handleRange);
    scroller?.addEventListener('rangeChanged', this.#handleRange);
    this.#rangeSource = scroller;
  }

  /** The window's rows (it has a total), virtualized once the virtualizer is loaded and the first rows painted. */
  render(window: ListWindow<T>): TemplateResult {
    const total = window.total ?? 0;
    const first = (count: number) =>
      Array.from({ length: Math.min(count, total) }, (_, i) => window.at(i)).filter((row): row is T => row !== undefined);
    if (this.#few && total > this.firstScreen) this.#few = false;
    if (this.#few) {
      const rows = first(total);
      if (rows.length === total) return this.host.renderTable(rows, false);
    }
    if (this.#virtualizer && this.#painted) return this.#renderVirtual(this.#virtualizer, windowItems(window), total);
    // Until the virtualizer is loaded and the first rows painted, they show as plain rows (the data is there) in the
    // virtualized table's own frame: its header, and a scroller as tall as the virtualizer's, whose rows past it are
    // cut off. The list is as tall before the virtualizer takes over as after (a taller table of a screenful of rows,
    // then the scroller, moved everything below it: most on a phone, whose rows are cards).
    const { render } = this.host.virtualRows();
    const frame = this.#frame(total, this.host.columnHeaders(), first(this.firstScreen).map((row, index) => render(row, index)), !this.#failed);
    return this.#failed ? html`${frame}${this.host.virtualizerFailed(this.#failed.error)}` : frame;
  }

  /** Every row of a long list held in memory: its first screenful in the plain table until the virtualizer is loaded. */
  renderAll(rows: readonly T[]): TemplateResult {
    this.#load();
    // Without the virtualizer (it did not load), every row in the plain table: slower, but none is missing.
    if (this.#failed) return this.host.renderTable(rows, false);
    return this.#virtualizer ? this.#renderVirtual(this.#virtualizer, rows as T[], rows.length) : this.host.renderTable(rows.slice(0, this.firstScreen), true);
  }

  /** The virtualized table: its header, and a scroller of `rows` (`busy` until the virtualizer takes over). */
  #frame(total: number, headers: TemplateResult[], rows: unknown, busy: boolean): TemplateResult {
    return html`<div part="table" role="table" aria-label=${this.host.caption()} aria-rowcount=${total + 1} aria-busy=${busy ? 'true' : 'false'}>
      <div role="rowgroup"><div part="header" role="row">${headers}</div></div>
      <div role="rowgroup" class="scroller" tabindex="0">${rows}</div>
    </div>`;
  }

  #renderVirtual(module: VirtualizeModule, items: (T | undefined)[], total: number): TemplateResult {
    const { render, deps } = this.host.virtualRows();
    const headers = this.host.columnHeaders();
    const cell = html`<div part="cell" role="cell"><span class="skeleton"></span></div>`;
    const placeholder = (index: number) =>
      html`<div part="row" class="placeholder" role="row" aria-rowindex=${index + 2} aria-busy="true">${headers.map(() => cell)}</div>`;
    return this.#frame(total, headers, module.virtualize({
        items,
        scroller: true,
        keyFunction: (row: T | undefined, index: number) => row?.id ?? `placeholder-${index}`,
        // A row renders again only when it or what it depends on changed: a live change to one row costs that row, not
        // every row on screen. (The virtualizer's `repeat` takes any child value, a directive's too; its type says a template.)
        renderItem: (row: T | undefined, index: number) =>
          !row ? placeholder(index) : deps ? guard([row, index, ...deps(row)], () => render(row, index)) as unknown as TemplateResult : render(row, index),
      }), false);
  }
}
