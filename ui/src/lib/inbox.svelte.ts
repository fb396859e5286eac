// The inbox's list: the view the owner chose (order and filters), the rows loaded for it page by
// page, and how new and changed mentions are taken in without reloading. Components read and
// bind to it; only it talks to the backend about the list.
import { tick } from 'svelte';
import type { Backend, Mention, MentionQuery, Status } from './backend';
import type { Channel } from './bindings/Channel';
import type { Order } from './bindings/Order';
import { insertionIndex } from './order';
import { rowEstimate } from './prefs.svelte';

/** What the list needs from the VirtualList that draws it. */
export interface Scroller {
  scrollToTop(): void;
  scrollTop(): number;
  shift(px: number): void;
}

export class InboxList {
  // The view.
  order = $state<Order>('urgent');
  channel = $state<Channel | ''>('');
  /** 'todo' = new or open (the queue); '' = everything but snoozed and ignored. */
  status = $state<Status | '' | 'todo'>('todo');
  tag = $state('');
  assignee = $state<string | null>(null);
  spikeView = $state<{ since: number } | null>(null);
  urgentOnly = $state(false);
  search = $state('');

  // The rows.
  mentions = $state.raw<Mention[]>([]);
  next = $state<string | null>(null);
  /** Mentions that arrived above the first row in view since the owner scrolled. */
  newAbove = $state(0);
  scroller: Scroller | null = null;

  /** The view's generation: a page asked for before the view changed is dropped. */
  private generation = 0;
  private loadingMore = false;
  private firstInView = 0;

  constructor(
    /** The backend (a getter: the app's prop). */
    private api: () => Backend,
    private threshold: () => number,
    private onerror: (e: unknown) => void,
  ) {}

  /** Whether any filter narrows the view (the empty state says so). */
  get filtered(): boolean {
    return !!(this.search || this.channel || this.status !== 'todo' || this.urgentOnly || this.tag || this.assignee != null);
  }

  query(after: string | null = null, ids: number[] | null = null): MentionQuery {
    return {
      order: this.order,
      channel: this.channel || null,
      status: this.status && this.status !== 'todo' ? this.status : null,
      todo: this.status === 'todo',
      tag: this.tag.trim().replace(/^#/, '').toLowerCase() || null,
      assignee: this.assignee,
      mood: this.spikeView ? 'negative' : null,
      since: this.spikeView?.since ?? null,
      min_urgency: this.urgentOnly ? this.threshold() : null,
      search: this.search.trim() || null,
      ids,
      limit: ids ? ids.length : 50,
      after,
    };
  }

  /** The view from its first page. Returns whether it loaded (false: it failed or was overtaken). */
  async reload(): Promise<boolean> {
    const gen = ++this.generation;
    try {
      const page = await this.api().listMentions(this.query());
      if (gen !== this.generation) return false;
      this.mentions = page.mentions;
      this.next = page.next;
      this.newAbove = 0;
      this.scroller?.scrollToTop();
      return true;
    } catch (e) { this.onerror(e); return false; }
  }

  /** The next page by cursor, when the end of the list comes into view. */
  async more() {
    if (!this.next || this.loadingMore) return;
    this.loadingMore = true;
    const gen = this.generation;
    try {
      const page = await this.api().listMentions(this.query(this.next));
      if (gen !== this.generation) return;
      const have = new Set(this.mentions.map((m) => m.id));
      this.mentions = [...this.mentions, ...page.mentions.filter((m) => !have.has(m.id))];
      this.next = page.next;
    } catch (e) { this.onerror(e); }
    finally { this.loadingMore = false; }
  }

  /** Takes newly stored mentions into the list where they sort, without reloading it: the
   * backend says which of them belong in this view; ones that sort past the loaded pages come
   * with a later page. Rows in view stay where they are on screen. */
  async takeIn(added: Mention[]) {
    const have = new Set(this.mentions.map((m) => m.id));
    const ids = added.map((m) => m.id).filter((id) => !have.has(id)).slice(0, 500);
    if (!ids.length) return;
    const gen = this.generation;
    try {
      const page = await this.api().listMentions(this.query(null, ids));
      if (gen !== this.generation) return;
      let rows = this.mentions;
      let above = 0;
      for (const m of page.mentions) {
        if (rows.some((x) => x.id === m.id)) continue;
        const i = insertionIndex(rows, m, this.order);
        if (i === rows.length && this.next) continue;
        rows = [...rows.slice(0, i), m, ...rows.slice(i)];
        if (i < this.firstInView || (i === this.firstInView && (this.scroller?.scrollTop() ?? 0) > 0)) above += 1;
      }
      if (rows === this.mentions) return;
      this.mentions = rows;
      if (above) {
        await tick();
        this.firstInView += above;
        this.newAbove += above;
        this.scroller?.shift(above * rowEstimate());
      }
    } catch (e) { this.onerror(e); }
  }

  /** The list scrolled: `first` is the first row in view. */
  scrolled(first: number) {
    this.firstInView = first;
    if (first === 0 && (this.scroller?.scrollTop() ?? 0) < 4) this.newAbove = 0;
  }

  /** Back to the top, where the new mentions are. */
  toTop() {
    this.newAbove = 0;
    this.scroller?.scrollToTop();
  }

  /** A changed mention, in place. */
  put(m: Mention) {
    this.mentions = this.mentions.map((x) => (x.id === m.id ? m : x));
  }

  /** Removes rows that no longer belong in the view (done or snoozed in the to-do queue),
   * keeping `keepId` (the one the owner is looking at). */
  dropGone(keepId: number | null, only: number | null = null) {
    const status = this.status;
    const keep = (m: Mention) => status === '' ? m.status !== 'snoozed' && m.status !== 'ignored'
      : status === 'todo' ? m.status === 'new' || m.status === 'open' : m.status === status;
    this.mentions = this.mentions.filter((m) => keep(m) || m.id === keepId || (only != null && m.id !== only));
  }
}
