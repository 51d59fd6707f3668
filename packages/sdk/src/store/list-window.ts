import type { Page } from '../schema/common.js';
import type { Change } from './change.js';
import { kit } from './window-kit.js';

/** What a window holds: rows with an id and the time they last changed (a change older than the row shown is ignored). */
export interface ListItem {
  readonly id: string;
  readonly updatedAt: string;
}

export interface ListWindowOptions {
  /** Rows per request, 1–100 (default 100). */
  pageSize?: number | undefined;
  /** Pages kept on each side of those last asked for (default 2): scrolling back a little asks nothing again. */
  keepPages?: number | undefined;
  /**
   * Whether the store learns the rows this window loads (default true), so views that look a row up by id find it.
   * Off for a window that only counts until a view adopts it (`share()`).
   */
  share?: boolean | undefined;
}

/** What a window needs from its store: changes to its rows as they are heard, and where each page stands in the event log. */
export interface ListWindowSource<T extends ListItem> {
  /** `live`: from the event stream, `eventId` the event that brought it (see `Change`). */
  watch(listener: (id: string, item: T | undefined, live: boolean, eventId?: string) => void): () => void;
  /** Where a page stands in the event log, so the live stream replays what came after it when it has to. */
  listed(eventId: string | undefined): void;
  /** A page arrived: the store shows its rows to the views that look rows up by id (a row's renew button). */
  loaded(items: readonly T[]): void;
  /** The window let these rows go (pages far from the screen, a refetch that no longer holds them, `close()`). */
  forgot(ids: readonly string[]): void;
  /** The window was closed: the store stops refreshing it. */
  closed(): void;
}

/**
 * Two rows' sort keys (a timestamp, then the id that breaks ties) in `order`, compared as the server compares them:
 * code points, which for ISO timestamps and ids is `<`.
 */
export function byKeys(a: readonly string[], b: readonly string[], order: 'asc' | 'desc'): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i]! < b[i]! ? -1 : 1) * (order === 'asc' ? 1 : -1);
  return 0;
}

/** A change heard, and whether a loaded page of the current generation took it in place. */
interface Heard<T> extends Change<T> {
  readonly placed: boolean;
}

interface LoadedPage<T> {
  readonly items: readonly T[];
  /** The generation it was asked in: a page of an older one is shown until its replacement lands. */
  readonly generation: number;
  /** Where it stands in the event log (`Page.eventId`): the stream's changes up to it are in it already. */
  readonly eventId: string | undefined;
}

interface PendingPage {
  readonly generation: number;
  readonly abort: AbortController;
  readonly done: Promise<void>;
}

/**
 * A window onto a server-sorted list (connections, runs) for a view that shows a slice of a long list (a virtualized
 * table): it asks the server for the pages covering the rows shown (`ensure`), one request per page (`offset`, so row 50,000 is one
 * request away), and keeps only the pages near the last rows asked for, so memory follows what is on screen, not
 * the workspace's size.
 *
 * Live: a change to a loaded row that leaves its place in this order replaces it in place; so is, when the whole
 * list fits in one page shown, any change it can place truthfully (`#layOver`: a row that leaves, is removed or joins,
 * or one the filter leaves out). Anything else (a new or removed row, one that moves or leaves the filter, one on a
 * page not loaded) makes the rows shown be asked for again, once per burst, with a fresh `total`, and answers to
 * requests made before it are dropped. Every change heard while a page is in flight is laid over that page as it
 * lands, so a row never goes back to a state the server has already moved past; while no page shown is current (the
 * window opening, or asking again), a change that page can place does not send it again. A change the stream brought
 * before the server read the page (its event id at or below the page's `eventId`) is in it already, wherever its row
 * is: in a busy workspace most changes heard while a page is in flight are such, and a replayed event the pages shown
 * were read after changes nothing. A change after the read that the page cannot place (a row it lacks, on a list
 * longer than the page) sends it again, so changes the server makes faster than it answers a page still keep a long
 * list's page in flight until they slow down (a known limit: a cap with a backoff was tried and reverted after review).
 * A failed request leaves `error` set (the SDK's typed error, unchanged) until one succeeds.
 *
 * `subscribe` listeners run once per microtask after a change (`version` counts them); `close()` aborts what is in
 * flight and lets the window go.
 */
export abstract class ListWindow<T extends ListItem, Q extends object> {
  readonly query: Readonly<Q>;
  readonly pageSize: number;
  readonly #keepPages: number;
  readonly #source: ListWindowSource<T>;
  readonly #unwatch: () => void;
  readonly #pages = new Map<number, LoadedPage<T>>();
  readonly #pending = new Map<number, PendingPage>();
  /** Which loaded page holds each id: a change finds its row without a scan. */
  readonly #where = new Map<string, number>();
  /**
   * Changes heard while pages were in flight, the latest of each row (`replaces`): laid over those pages when they
   * land. `placed`: a current page took it in place, so a page in flight that lacks the row has nothing to do with it
   * (a page from before the last refresh proves nothing: the page replacing it may lack the row because it changed).
   */
  readonly #heard = new Map<string, Heard<T>>();
  readonly #listeners = new Set<() => void>();
  #generation = 0;
  /** The rows last asked for: what a refresh asks for again. */
  #asked: [first: number, last: number] | undefined;
  #total: number | undefined;
  #answered = false;
  /** Requests are numbered: the total shown is the newest answer's. */
  #sequence = 0;
  #totalFrom = 0;
  #error: unknown;
  #version = 0;
  #notifyQueued = false;
  #refreshQueued = false;
  #closed = false;
  #share: boolean;

  constructor(source: ListWindowSource<T>, query: Q, options: ListWindowOptions = {}) {
    this.#source = source;
    const { limit, ...asked } = kit.pageParams(query, options.pageSize);
    this.query = Object.freeze(asked) as Readonly<Q>;
    this.pageSize = limit;
    this.#keepPages = Math.max(0, Math.trunc(options.keepPages ?? 2));
    this.#share = options.share ?? true;
    this.#unwatch = source.watch((id, item, live, eventId) => this.#hear(id, { item, live, eventId, placed: false }));
  }

  /** One page of this window's query from the server: `offset` rows in, `limit` rows. */
  protected abstract fetchPage(offset: number, limit: number, signal: AbortSignal): Promise<Page<T>>;

  /** Whether a change can move a row in this order or take it out of this filter (else it is replaced in place). */
  protected abstract moves(before: T, after: T): boolean;

  /** Whether a row is in this window's filter; undefined when only the server can tell (its search, `q`). */
  protected abstract matches(item: T): boolean | undefined;

  /**
   * Where `a` sorts against `b` in this order (negative: before); undefined when only the server can tell (keys it
   * folds or ranks: names, labels, status).
   */
  protected abstract compare(a: T, b: T): number | undefined;

  /** How many rows match, from the newest page that answered (undefined until one has). */
  get total(): number | undefined {
    return this.#total;
  }

  /** The typed SDK error of the last failed request, until a request succeeds. */
  get error(): unknown {
    return this.#error;
  }

  /**
   * Whether a page's answer has been taken since the window opened (with or without a total: a server may leave it
   * out). False while every answer so far came from before a change and was dropped.
   */
  get answered(): boolean {
    return this.#answered;
  }

  /** Whether a page is being fetched. */
  get loading(): boolean {
    return this.#pending.size > 0;
  }

  /** Counts changes: a view compares it to know whether to render again. */
  get version(): number {
    return this.#version;
  }

  /** The row at `index` in this order, or undefined while its page is not loaded. */
  at(index: number): T | undefined {
    return this.#pages.get(Math.floor(index / this.pageSize))?.items[index % this.pageSize];
  }

  /**
   * Fetch the pages covering rows `first`..`last` (requests for a page already asked for are shared) and forget the
   * pages far from them. Resolves when they have answered; never rejects: a failure is `error`.
   */
  ensure(first: number, last: number = first): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const from = Math.floor(Math.max(0, first) / this.pageSize);
    let to = Math.floor(Math.max(first, last, 0) / this.pageSize);
    if (this.#total !== undefined) to = Math.max(from, Math.min(to, Math.floor(Math.max(0, this.#total - 1) / this.pageSize)));
    this.#asked = [from * this.pageSize, to * this.pageSize + this.pageSize - 1];
    this.#forgetOutside(from - this.#keepPages, to + this.#keepPages);
    const waits: Promise<void>[] = [];
    for (let page = from; page <= to; page++) waits.push(this.#fetch(page));
    return Promise.all(waits).then(() => undefined);
  }

  /** Let the store learn the rows held and those loaded from now on (a window opened with `share: false`). */
  share(): void {
    if (this.#share || this.#closed) return;
    this.#share = true;
    for (const page of this.#pages.values()) this.#source.loaded(page.items);
  }

  /** Ask the server again for the rows shown (a poll, or after the live stream missed changes). */
  refresh(): void {
    this.#stale();
  }

  /** Tell `listener` after each change (once per microtask); returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Abort what is in flight, stop hearing changes and let the pages go. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#unwatch();
    for (const pending of this.#pending.values()) pending.abort.abort();
    this.#pending.clear();
    const held = [...new Set([...this.#pages.values()].flatMap((page) => page.items.map((c) => c.id)))];
    this.#pages.clear();
    this.#where.clear();
    if (this.#share && held.length) this.#source.forgot(held);
    this.#source.closed();
    this.#heard.clear();
    this.#listeners.clear();
  }

  #fetch(index: number): Promise<void> {
    const generation = this.#generation;
    if (this.#pages.get(index)?.generation === generation) return Promise.resolve();
    const pending = this.#pending.get(index);
    if (pending?.generation === generation) return pending.done;
    pending?.abort.abort();
    const abort = new AbortController();
    const sequence = ++this.#sequence;
    const offset = index * this.pageSize;
    const done = this.fetchPage(offset, this.pageSize, abort.signal)
      .then(
        (page) => {
          if (abort.signal.aborted || generation !== this.#generation) return;
          const laid = this.#layOver(page, offset, this.#heard);
          if (!laid) return this.#stale(); // asked again rather than shown wrong
          const { items, total } = laid;
          this.#source.listed(page.eventId);
          this.#setPage(index, { items, generation, eventId: page.eventId });
          this.#answered = true;
          if (this.#share) this.#source.loaded(items);
          if (total !== undefined && sequence > this.#totalFrom) {
            this.#total = total;
            this.#totalFrom = sequence;
          }
          this.#error = undefined;
          this.#changed();
        },
        (error: unknown) => {
          if (abort.signal.aborted || generation !== this.#generation) return;
          this.#error = error;
          this.#changed();
        },
      )
      .finally(() => {
        if (this.#pending.get(index)?.abort === abort) this.#pending.delete(index);
        if (this.#pending.size === 0) this.#heard.clear();
      });
    this.#pending.set(index, { generation, abort, done });
    return done;
  }

  /**
   * The page that landed (or the whole list, shown) with `changes` laid over it: the rows and total the server would
   * give now, or undefined when a change cannot be placed truthfully, so the page is asked again, not shown wrong.
   * Nothing to place: a change the stream brought at or before the page's event (`shows`: the server read the page
   * after it), wherever its row is; in a busy workspace most changes heard while a page is in flight are such.
   * Placed: a change older than the page's row (the page read a newer state), a row that keeps its place, a row that
   * moves within the page where this order can be computed, and a row that leaves or is removed from the last page
   * (total - 1). On the whole list (the first page, nothing after it) also a new match the stream brought, in its
   * place (total + 1); one from an answer to a request (`live` false) may have been read before the stream took the
   * row out (revoked, removed), and is asked again.
   * Asked again, because the rows or total the server would give cannot be known:
   * - a change to a row the page lacks, unless the whole list: the page cannot tell whether the row counted in its
   *   total before (a match that is no longer one, or a new row?) nor, for a later page, whether it stood before it;
   * - a row that leaves a page with rows after it: the row that moves up into its place is not known;
   * - a row whose place only the server knows (`matches` or `compare` undefined: search, names, labels, status), or
   *   that sorts after the page's last row while rows follow it, or before a later page's first.
   */
  #layOver(page: Pick<Page<T>, 'nextCursor' | 'total' | 'eventId'> & { data: readonly T[] }, offset: number, changes: Map<string, Heard<T>>): { items: T[]; total: number | undefined } | undefined {
    const items = [...page.data];
    let total = page.total;
    let last = page.nextCursor === null;
    for (const [id, change] of changes) {
      const { item, placed, live } = change;
      const at = items.findIndex((c) => c.id === id);
      const before = items[at];
      // Not `placed`: the change may have moved the row here, shifting the rows of a page read before it.
      if (kit.shows(page.eventId, change)) continue;
      // A change older than the page's row (heard before the server read it) would roll it back; one that keeps its
      // place replaces it. Either way the row stays here: another page in flight that lacks it has nothing to do.
      const age = before && item ? kit.compareTimes(item.updatedAt, before.updatedAt) : 0;
      if (before && item && (age < 0 || !this.moves(before, item))) {
        if (age >= 0) items[at] = item;
        changes.set(id, { ...change, placed: true });
        continue;
      }
      if (!before && (placed || (offset === 0 && last && !item))) continue;
      if (!before && (offset > 0 || !last)) return undefined;
      if (before) {
        items.splice(at, 1);
        if (total !== undefined) total--;
      }
      const match = item ? this.matches(item) : false;
      // A row joining from an answer to a request (a `get`, a write) may be older than a change the stream brought
      // since (the row left the filter, was removed): only the server can tell.
      if (match === undefined || (match && !before && !live)) return undefined;
      if (!match) {
        if (before && !last) return undefined;
        continue;
      }
      let place = 0;
      for (; place < items.length; place++) {
        const order = this.compare(item!, items[place]!);
        if (order === undefined) return undefined;
        if (order < 0) break;
      }
      if ((place === items.length && !last) || (place === 0 && offset > 0)) return undefined;
      items.splice(place, 0, item!);
      if (total !== undefined) total++;
      if (items.length > this.pageSize) {
        items.pop();
        last = false;
      }
    }
    return { items, total };
  }

  #setPage(index: number, page: LoadedPage<T>): void {
    const before = this.#pages.get(index)?.items ?? [];
    for (const c of before) if (this.#where.get(c.id) === index) this.#where.delete(c.id);
    this.#pages.set(index, page);
    for (const c of page.items) this.#where.set(c.id, index);
    this.#forgot(before);
  }

  /** Tell the store which of these rows no page holds any more, so it can let them go too. */
  #forgot(items: readonly T[]): void {
    if (!this.#share) return;
    const ids = items.filter((c) => !this.#where.has(c.id)).map((c) => c.id);
    if (ids.length) this.#source.forgot(ids);
  }

  #forgetOutside(from: number, to: number): void {
    for (const [index, pending] of this.#pending) {
      if (index >= from && index <= to) continue;
      pending.abort.abort();
      this.#pending.delete(index);
    }
    const dropped: T[] = [];
    for (const index of [...this.#pages.keys()]) {
      if (index >= from && index <= to) continue;
      const { items } = this.#pages.get(index)!;
      for (const c of items) if (this.#where.get(c.id) === index) this.#where.delete(c.id);
      this.#pages.delete(index);
      dropped.push(...items);
    }
    this.#forgot(dropped);
  }

  #hear(id: string, change: Heard<T>): void {
    const { item } = change;
    if (this.#closed) return;
    // Every page shown was read after the event that brought it (a replay, after the stream reopened from an older
    // page's place): they show it already, and pages in flight will see whether theirs do.
    const pages = [...this.#pages.values()];
    if (pages.length > 0 && pages.every((page) => page.generation === this.#generation && kit.shows(page.eventId, change))) {
      if (this.#pending.size > 0) this.#note(id, change);
      return;
    }
    const index = this.#where.get(id);
    const page = index === undefined ? undefined : this.#pages.get(index);
    const position = page ? page.items.findIndex((c) => c.id === id) : -1;
    if (page && position >= 0 && kit.shows(page.eventId, change)) {
      // Its page was read after the change and another shown before it: the change may have moved the row into its
      // page from the other's range, shifting the other's rows, and neither can tell. Pages in flight lay it over.
      if (pages.some((other) => other.generation === this.#generation && !kit.shows(other.eventId, change))) return this.#stale();
      if (this.#pending.size > 0) this.#note(id, change);
      return;
    }
    // A change older than the row shown (a replayed event) would roll it back: the row already holds what follows.
    if (item && page && position >= 0 && kit.compareTimes(item.updatedAt, page.items[position]!.updatedAt) < 0) return;
    if (item && page && position >= 0 && !this.moves(page.items[position]!, item)) {
      const items = [...page.items];
      items[position] = item;
      this.#pages.set(index!, { ...page, items });
      if (this.#pending.size > 0) this.#note(id, { ...change, placed: page.generation === this.#generation });
      this.#changed();
      return;
    }
    // The whole list, shown in one current page (a filter few rows match): the change is laid over it as over a page
    // in flight, so a change to a row it does not show, in a busy workspace, asks nothing. A row it does not show
    // joins only from the stream (see #layOver): a late answer to a `get` or a write may be older than its leaving.
    const whole = this.#pages.get(0);
    if (whole?.generation === this.#generation && this.#pages.size === 1 && this.#pending.size === 0 && whole.items.length === this.#total) {
      const laid = this.#layOver({ data: whole.items, nextCursor: null, total: this.#total }, 0, new Map([[id, change]]));
      if (laid) {
        if (laid.items.length !== whole.items.length || laid.items.some((c, i) => c !== whole.items[i])) {
          const joined = laid.items.filter((c) => !this.#where.has(c.id));
          this.#setPage(0, { items: laid.items, generation: whole.generation, eventId: whole.eventId });
          if (this.#share && joined.length) this.#source.loaded(joined);
          this.#total = laid.total;
          this.#changed();
        }
        return;
      }
    }
    // New, removed, moved, or on a page not loaded: where every row stands may have changed. While pages are in flight
    // and none shown is current, they lay it over as they land (or are asked again then); pages of this generation
    // shown already cannot, so they are asked again now.
    if (this.#pending.size > 0 && ![...this.#pages.values()].some((shown) => shown.generation === this.#generation)) {
      this.#note(id, change);
      return;
    }
    this.#stale();
  }

  /** Keep a change heard with pages in flight, unless one heard before is newer; the latest last, laid over in the order heard. */
  #note(id: string, change: Heard<T>): void {
    if (!kit.replaces(this.#heard.get(id), change)) return;
    this.#heard.delete(id);
    this.#heard.set(id, change);
  }

  /** Answers in flight are now out of date: drop them and ask for the rows shown again, once per burst of changes. */
  #stale(): void {
    this.#generation++;
    for (const pending of this.#pending.values()) pending.abort.abort();
    this.#pending.clear();
    this.#heard.clear();
    if (this.#refreshQueued) return;
    this.#refreshQueued = true;
    setTimeout(() => {
      this.#refreshQueued = false;
      if (this.#closed || !this.#asked) return;
      // Pages kept beside the rows shown are out of date too: forgotten rather than shown until scrolled to.
      const [first, last] = this.#asked;
      this.#forgetOutside(first / this.pageSize, Math.floor(last / this.pageSize));
      void this.ensure(first, last);
    }, 0);
  }

  #changed(): void {
    this.#version++;
    if (this.#notifyQueued) return;
    this.#notifyQueued = true;
    queueMicrotask(() => {
      this.#notifyQueued = false;
      for (const listener of [...this.#listeners]) listener();
    });
  }
}
