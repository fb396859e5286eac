// In-memory backend for browser tests and UI work without the Rust side. Built only with
// `vite build --mode mock`; production bundles never include it. Tests drive it through
// `window.__earshotMock`.
import type { Action, AuthorHistory, Check, EmailSignIn, SourceCheck, FacebookCode, Note, Page, Report, Restored, SavedReply, StartupProblem, Targets, TeamLook, TeamStatus, AlertPolicy } from './index';
import type { AppInfo, Backend, BackendEvent, Business, Correction, Counts, EngineEvent, LoginStarted, Mention, MentionPage, MentionQuery, Reply, ReplyRules, Source, SourceSpec, Status } from './index';
import { replyLength } from '../format';

import { mk, now, PAGES_SEED, SEED } from './mock-seed';

const RULES: Partial<Record<Mention['channel'], ReplyRules>> = {
  mastodon: { public: true, private: true, limit: 500, unit: 'mastodon_chars', window_secs: null, elsewhere: null },
  bluesky: { public: true, private: true, limit: 300, unit: 'graphemes', window_secs: null, elsewhere: null },
  facebook: { public: true, private: true, limit: 2000, unit: 'chars', window_secs: 604800, elsewhere: null },
  instagram: { public: true, private: true, limit: 1000, unit: 'chars', window_secs: 604800, elsewhere: null },
  google_reviews: { public: true, private: false, limit: 4096, unit: 'chars', window_secs: null, elsewhere: null },
  x: { public: true, private: true, limit: 280, unit: 'chars', window_secs: null, elsewhere: null },
  email: { public: false, private: true, limit: 20000, unit: 'chars', window_secs: null, elsewhere: null },
};

function matches(m: Mention, q: MentionQuery): boolean {
  if (q.ids && !q.ids.includes(m.id)) return false;
  if (q.channel && m.channel !== q.channel) return false;
  if (q.status) { if (m.status !== q.status) return false; }
  else if (q.todo) { if (m.status !== 'new' && m.status !== 'open') return false; }
  else if (m.status === 'snoozed' || m.status === 'ignored') return false;
  if (q.tag && !m.work.tags.includes(q.tag)) return false;
  if (q.assignee != null && (q.assignee === '' ? m.work.assignee !== null : m.work.assignee !== q.assignee)) return false;
  if (q.mood && m.triage.mood !== q.mood) return false;
  if (q.since != null && m.created_at < q.since) return false;
  if (q.min_urgency != null && m.triage.urgency < q.min_urgency) return false;
  if (q.search && q.search.trim()) {
    const hay = `${m.title ?? ''} ${m.text} ${m.author.handle}`.toLowerCase();
    if (!q.search.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w))) return false;
  }
  return true;
}

export class MockBackend implements Backend {
  mentions: Mention[] = SEED.map((m) => structuredClone(m));
  business: Business | null = { name: 'Brightside Coffee', terms: ['@brightsidecoffee'], exclusions: [] };
  sources: Source[] = [
    { id: 1, spec: { kind: 'hackernews', name: 'Hacker News', url: null, queries: ['Brightside'], base_url: null, account: null, interval_secs: null, require_match: null }, enabled: true, cursor: null, health: { state: 'ok', at: now - 90, detail: 'nothing new for over an hour: checking every 8 min instead of 2 min' } },
    { id: 2, spec: { kind: 'rss', name: 'Reviews', url: 'https://reviews.example.com/feed.xml', queries: [], base_url: null, account: null, interval_secs: null, require_match: false }, enabled: true, cursor: null, health: { state: 'error', reason: 'malformed response: feed: not XML', at: now, retry_at: now + 30 } },
  ];
  paused = false;
  replies: Reply[] = [];
  /** Test hook: the next reply fails with this reason. */
  failNext: string | null = null;
  logins: Array<{ flow: number; instance: string; google?: boolean; reddit?: boolean; youtube?: boolean; x?: boolean; email?: EmailSignIn }> = [];
  /** Facebook device logins: approved once `approved` is set (tests approve them). */
  facebook: Array<{ flow: number; approved: boolean }> = [];
  hides: Array<{ id: number; hidden: boolean }> = [];
  opened: number[] = [];
  corrections: Array<{ id: number } & Correction> = [];
  actions: Array<{ ids: number[]; action: Action }> = [];
  notes: Note[] = [];
  helpers: string[] = ['Sam'];
  saved: SavedReply[] = [
    { id: 1, name: 'Sorry, we will fix it', body: 'Hi {author}, I am sorry about this. That is not the {business} we want to be. Could you tell me a little more?', uses: 3 },
    { id: 2, name: 'Take it private', body: 'Hi {author}, sorry to hear it. I have sent you a private message so we can sort this out.', uses: 1 },
    { id: 3, name: 'Order problem', body: 'Hi {author}, I found order {order} and {what we are doing}. Sorry for the trouble.', uses: 0 },
    { id: 4, name: 'Our hours', body: 'Hi {first_name}, we are open 7 to 6 every day. Here is the menu: brightside.coffee/menu', uses: 5 },
    { id: 5, name: 'Lo sentimos', body: 'Hola {first_name}, lo siento mucho por la molestia. Lo arreglamos hoy mismo y te escribimos por privado.', uses: 0 },
  ];
  targets: Targets = { urgent_mins: 15, normal_mins: 60, low_mins: 1440, low_below: 30, hours: { time_zone: '', days: ['09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', 'closed', 'closed'] } };
  reports: Array<{ since: number; until: number }> = [];
  exports: Array<{ since: number; until: number }> = [];
  private listeners: ((e: BackendEvent) => void)[] = [];
  private openListeners: ((id: number, reply: boolean) => void)[] = [];

  /** Test hook: `?problem=damaged` starts as an app whose database could not be opened. */
  problem: StartupProblem | null = null;
  restored = 0;
  autostart = false;

  constructor() {
    (window as any).__earshotMock = this;
    const params = new URLSearchParams(location.search);
    const problem = params.get('problem');
    if (problem) this.problem = { code: problem, message: problem === 'team'
      ? 'this computer is on the team at postgres://earshot@db.brightside.coffee/team (team.json in the data folder), which cannot be reached: team database error: error connecting to server: Connection refused (os error 111)'
      : '/mock/earshot.sqlite3 is damaged or is not an Earshot database (file is not a database). Earshot has not changed it.', data_dir: '/mock', backups: 2 };
    if (params.has('team')) { this.team = { address: 'postgres://earshot@db.brightside.coffee/team', name: 'Ben' }; this.helpers = ['Ana', 'Ben']; }
    if (params.has('fresh')) { this.business = null; this.mentions = []; this.sources = []; }
    if (params.has('pages')) this.mentions.push(...PAGES_SEED.map((m) => structuredClone(m)));
    // A big inbox for the virtualised list: `?many=N` adds N quiet mentions.
    const many = Number(params.get('many') ?? 0);
    for (let i = 0; i < many; i++) {
      this.mentions.push(mk(1000 + i, { text: `Quiet mention number ${i} about Brightside`, triage: { urgency: i % 50, sentiment: 0, mood: 'neutral', intent: 'other', complaint: false, needs_reply: false, reasons: [] } }));
    }
  }

  /** Events reach the UI after the call that caused them has answered, as the app's can (its
   * events and command replies travel separately). */
  emit(e: BackendEvent) { setTimeout(() => this.listeners.forEach((l) => l(e)), 0); }
  /** Test hook: a new mention arrives as the engine would announce it. */
  addMention(over: Partial<Mention>) {
    const m = mk(Math.max(100, ...this.mentions.map((x) => x.id)) + 1, { created_at: Math.floor(Date.now() / 1000), ...over });
    this.mentions.push(m);
    this.emit({ type: 'mentions_added', mentions: [m] });
    this.counts().then((counts) => this.emit({ type: 'counts', counts }));
    return m;
  }
  /** Test hook: a notification's Open was clicked. */
  clickNotification(id: number, reply = false) { this.openListeners.forEach((l) => l(id, reply)); }

  async listMentions(q: MentionQuery): Promise<MentionPage> {
    const list = this.mentions.filter((m) => matches(m, q)).sort((a, b) =>
      q.order === 'newest' ? b.created_at - a.created_at || b.id - a.id
        : Number(b.work.at_risk) - Number(a.work.at_risk) || b.triage.urgency - a.triage.urgency || b.created_at - a.created_at || b.id - a.id);
    const start = q.after ? Number(q.after) : 0;
    const limit = q.limit ?? 50;
    const page = list.slice(start, start + limit);
    return { mentions: structuredClone(page), next: start + limit < list.length ? String(start + limit) : null };
  }
  private find(id: number) {
    const m = this.mentions.find((x) => x.id === id);
    if (!m) throw { code: 'not_found', message: `mention ${id} not found` };
    return m;
  }
  async getMention(id: number) { return structuredClone(this.find(id)); }
  async markRead(id: number) {
    const m = this.find(id); m.read = true;
    this.emit({ type: 'mention_updated', mention: structuredClone(m) });
    this.emit({ type: 'counts', counts: await this.counts() });
    return structuredClone(m);
  }
  async setStatus(id: number, status: Status) {
    return (await this.applyAction([id], { kind: 'status', status }))[0];
  }
  async applyAction(ids: number[], a: Action) {
    const ms = ids.map((id) => this.find(id));
    this.actions.push({ ids, action: a });
    const t = Math.floor(Date.now() / 1000);
    for (const m of ms) {
      switch (a.kind) {
        case 'status':
          if (a.status === 'snoozed') throw { code: 'invalid', message: 'invalid input: snoozing needs a time to come back' };
          m.status = a.status; m.read = true; m.work.snooze_until = null;
          m.work.done_at = a.status === 'done' ? t : null;
          if (a.status !== 'new' && a.status !== 'open') m.work.at_risk = false;
          break;
        case 'snooze': m.status = 'snoozed'; m.read = true; m.work.snooze_until = a.until; m.work.at_risk = false; break;
        case 'tag': { const tag = a.tag.trim().replace(/^#/, '').toLowerCase(); if (!m.work.tags.includes(tag)) m.work.tags = [...m.work.tags, tag].sort(); break; }
        case 'untag': m.work.tags = m.work.tags.filter((x) => x !== a.tag); break;
        case 'assign': m.work.assignee = a.assignee?.trim() || null; break;
        case 'answered': m.work.first_response_at ??= t; m.status = 'done'; m.work.done_at = t; m.read = true; m.work.at_risk = false; break;
      }
      this.emit({ type: 'mention_updated', mention: structuredClone(m) });
    }
    this.emit({ type: 'counts', counts: await this.counts() });
    return structuredClone(ms);
  }
  async listNotes(id: number) { return structuredClone(this.notes.filter((n) => n.mention_id === id)); }
  async addNote(id: number, author: string | null, body: string) {
    if (!body.trim()) throw { code: 'invalid', message: 'invalid input: the note is empty' };
    const m = this.find(id);
    const n: Note = { id: this.notes.length + 1, mention_id: id, author, body: body.trim(), created_at: Math.floor(Date.now() / 1000) };
    this.notes.push(n); m.work.notes += 1;
    this.emit({ type: 'mention_updated', mention: structuredClone(m) });
    return structuredClone(n);
  }
  async deleteNote(id: number, noteId: number) {
    this.notes = this.notes.filter((n) => n.id !== noteId);
    const m = this.find(id); m.work.notes = this.notes.filter((n) => n.mention_id === id).length;
    this.emit({ type: 'mention_updated', mention: structuredClone(m) });
  }
  async listSavedReplies() { return structuredClone([...this.saved].sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name))); }
  async saveSavedReply(r: SavedReply) {
    if (!r.name.trim() || !r.body.trim()) throw { code: 'invalid', message: 'invalid input: a saved reply needs a name and a text' };
    if (this.saved.some((x) => x.id !== r.id && x.name.toLowerCase() === r.name.trim().toLowerCase())) throw { code: 'invalid', message: `invalid input: a saved reply named "${r.name.trim()}" already exists` };
    if (r.id) { const x = this.saved.find((y) => y.id === r.id)!; x.name = r.name.trim(); x.body = r.body.trim(); return structuredClone(x); }
    const x = { ...r, id: Math.max(0, ...this.saved.map((y) => y.id)) + 1, name: r.name.trim(), body: r.body.trim(), uses: 0 };
    this.saved.push(x);
    return structuredClone(x);
  }
  async deleteSavedReply(id: number) { this.saved = this.saved.filter((x) => x.id !== id); }
  async usedSavedReply(id: number) { const x = this.saved.find((y) => y.id === id); if (x) x.uses += 1; }
  async listHelpers() { return [...this.helpers]; }
  async setHelpers(names: string[]) { this.helpers = names.map((n) => n.trim()).filter(Boolean); return [...this.helpers]; }
  async getTargets() { return structuredClone(this.targets); }
  async setTargets(t: Targets) {
    if (t.hours.time_zone && !/^[A-Za-z_]+(\/[A-Za-z_]+)*$/.test(t.hours.time_zone)) throw { code: 'invalid', message: `invalid input: "${t.hours.time_zone}" is not a time zone name like "Europe/Lisbon"` };
    this.targets = structuredClone(t); return structuredClone(t);
  }
  async getThread(id: number) { return [structuredClone(this.find(id))]; }
  /** Test hook: what the network says of an author's followers when asked again. */
  reachNow: Record<string, number> = {};
  /** Tests set this to have Bluesky refuse the login. */
  sessionExpired = false;
  async refreshAuthor(id: number): Promise<Mention> {
    const m = this.find(id);
    if (m.channel !== 'bluesky') throw { code: 'invalid', message: 'this network gives reach with each post' };
    // A session the network no longer accepts, as the app reports it: a code, not words.
    if (this.sessionExpired) throw { code: 'needs_login', message: 'not authorised: the Bluesky session has expired' };
    const now = this.reachNow[m.author.handle];
    if (now != null) m.author.followers = now;
    this.emit({ type: 'mention_updated', mention: structuredClone(m) });
    return structuredClone(m);
  }
  async authorHistory(id: number): Promise<AuthorHistory> {
    const m = this.find(id);
    const key = (h: string) => h.toLowerCase().replace(/^@/, '').split('@')[0].split('.')[0];
    const others = this.mentions.filter((x) => x.id !== id && key(x.author.handle) === key(m.author.handle));
    // Reach as the store keeps it: one point per change of the follower count, per channel.
    const reach: AuthorHistory['reach'] = [];
    for (const x of [m, ...others].filter((x) => x.author.followers != null).sort((a, b) => a.channel.localeCompare(b.channel) || a.created_at - b.created_at)) {
      const last = reach[reach.length - 1];
      if (!last || last.channel !== x.channel || last.followers !== x.author.followers) reach.push({ at: x.created_at, channel: x.channel, followers: x.author.followers! });
    }
    return { mentions: structuredClone(others), total: others.length, replies: structuredClone(this.replies.filter((r) => others.some((o) => o.id === r.mention_id) || r.mention_id === id)), reach };
  }
  async checkReply(id: number, body: string, isPrivate: boolean): Promise<Check> {
    const m = this.find(id);
    const warnings: Check['warnings'] = [];
    if (!isPrivate) {
      for (const e of body.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []) if (!body.includes('@' + e)) warnings.push({ kind: 'email', excerpt: e, message: 'An e-mail address in a public reply can be read by anyone. Send it privately.' });
      for (const p of body.match(/\+?\d[\d ().-]{7,}\d/g) ?? []) warnings.push({ kind: 'phone', excerpt: p, message: 'A phone number in a public reply can be read by anyone. Send it privately.' });
    }
    const shout = body.match(/\b[A-Z]{2,}(?:[\s,]+[A-Z]{2,})+\b\s*[!?]{2,}/);
    if (shout) warnings.push({ kind: 'shouting', excerpt: shout[0], message: 'Words in capitals with a row of exclamation marks read as shouting.' });
    if (/calm down|not our problem/i.test(body)) warnings.push({ kind: 'hostile', excerpt: body.match(/calm down|not our problem/i)![0], message: 'This can read as hostile or dismissive to an upset customer.' });
    return { warnings, confirm_angry: !isPrivate && m.triage.mood === 'negative' && (m.triage.complaint || m.triage.urgency >= 60) };
  }
  async getReport(since: number, until: number): Promise<Report> {
    this.reports.push({ since, until });
    const ms = this.mentions.filter((m) => m.created_at >= since && m.created_at < until);
    const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
    const vol = new Map<string, number>();
    for (const m of ms) vol.set(`${day(m.created_at)}|${m.channel}`, (vol.get(`${day(m.created_at)}|${m.channel}`) ?? 0) + 1);
    const busiest = Array.from({ length: 7 }, () => Array(24).fill(0));
    for (const m of ms) { const d = new Date(m.created_at * 1000); busiest[(d.getUTCDay() + 6) % 7][d.getUTCHours()] += 1; }
    const frt = ms.filter((m) => m.work.first_response_at != null).map((m) => m.work.first_response_at! - m.created_at).sort((a, b) => a - b);
    const q = (p: number) => (frt.length ? frt[Math.min(frt.length - 1, Math.ceil(p * frt.length) - 1)] : null);
    const days = [...new Set(ms.map((m) => day(m.created_at)))].sort();
    return {
      since, until, time_zone: 'UTC', mentions: ms.length, waiting: ms.filter((m) => m.status === 'new' || m.status === 'open').length,
      first_response: { count: frt.length, median_secs: q(0.5), p90_secs: q(0.9) },
      resolution: { count: 0, median_secs: null, p90_secs: null },
      within_target: frt.length ? ms.filter((m) => m.work.first_response_at != null && m.work.first_response_at <= (m.work.due_at ?? 0)).length / frt.length : null,
      tiers: [{ tier: 'urgent', target_mins: 15, met: 1, missed: 1 }, { tier: 'normal', target_mins: 60, met: 2, missed: 0 }, { tier: 'low', target_mins: 1440, met: 0, missed: 0 }],
      volume: [...vol].map(([k, n]) => ({ day: k.split('|')[0], channel: k.split('|')[1] as Mention['channel'], n })),
      sentiment: days.map((d) => { const xs = ms.filter((m) => day(m.created_at) === d); return { day: d, negative: xs.filter((m) => m.triage.mood === 'negative').length, neutral: xs.filter((m) => m.triage.mood === 'neutral').length, positive: xs.filter((m) => m.triage.mood === 'positive').length, mean: xs.reduce((s, m) => s + m.triage.sentiment, 0) / xs.length }; }),
      intents: [{ name: 'complaint', n: ms.filter((m) => m.triage.intent === 'complaint').length }, { name: 'praise', n: ms.filter((m) => m.triage.intent === 'praise').length }],
      complaint_reasons: [{ name: 'refund', n: 1 }, { name: 'rude', n: 1 }],
      busiest,
      // On a team (`?team`): each person's figures.
      people: this.team ? [
        { name: 'Ana', replies: 12, first_response: { count: 9, median_secs: 840, p90_secs: 3000 }, waiting: 2 },
        { name: this.team.name, replies: 5, first_response: { count: 4, median_secs: 1500, p90_secs: 5400 }, waiting: 1 },
      ] : [],
    };
  }
  revealed: string[] = [];
  async openFolder(path: string) { this.revealed.push(path); }
  demosOpened = 0;
  async tryDemo() { this.demosOpened += 1; }
  async exportCsv(since: number, until: number) { this.exports.push({ since, until }); return ['/mock/Downloads/earshot-mentions.csv', '/mock/Downloads/earshot-figures.csv']; }
  async correct(id: number, c: Correction) {
    const m = this.find(id);
    this.corrections.push({ id, ...c });
    if (c.kind === 'urgent') {
      m.owner.urgent = c.value;
      m.triage.urgency = c.value ? Math.max(m.triage.urgency, 60) : Math.min(m.triage.urgency, 20);
      m.triage.reasons = [c.value ? 'you marked this urgent' : 'you marked this not urgent', ...m.triage.reasons.filter((r) => !r.startsWith('you marked this'))];
    } else {
      m.owner.intent = c.value;
      m.triage.intent = c.value;
    }
    this.emit({ type: 'mention_updated', mention: structuredClone(m) });
    this.emit({ type: 'counts', counts: await this.counts() });
    return structuredClone(m);
  }
  async counts(): Promise<Counts> {
    const c = { total: this.mentions.length, new: 0, open: 0, snoozed: 0, done: 0, ignored: 0, unread_urgent: 0 };
    for (const m of this.mentions) {
      c[m.status] += 1;
      if (m.triage.urgency >= 60 && !m.read && (m.status === 'new' || m.status === 'open')) c.unread_urgent += 1;
    }
    return c;
  }
  async getBusiness() { return structuredClone(this.business); }
  async completeOnboarding(b: Business, specs: SourceSpec[]) {
    if (!b.name.trim()) throw { code: 'invalid', message: 'invalid input: the business needs a name' };
    if (specs.some((s) => s.kind === 'mastodon' && !s.account && !s.queries.some((q) => q.startsWith('#')))) throw { code: 'invalid', message: 'configuration: Mastodon needs a hashtag to follow (a #term) or a logged-in account' };
    const bad = specs.find((s) => s.kind === 'rss' && !/^https?:\/\//.test(s.url ?? ''));
    if (bad) throw { code: 'invalid', message: `invalid input: feed url ${JSON.stringify(bad.url)} must be http or https` };
    this.business = b;
    this.sources = specs.map((spec, i) => ({ id: i + 1, spec: { ...spec, name: spec.name || (spec.kind === 'rss' ? `Feed ${i + 1}` : spec.kind) }, enabled: true, cursor: null, health: { state: 'idle' } }));
    return structuredClone(this.sources);
  }
  async saveBusiness(b: Business) {
    // As the engine refuses (Engine::set_business).
    const name = b.name.trim();
    if (!name) throw { code: 'invalid', message: 'Your business needs a name: it is what Earshot listens for first.' };
    if ([...name].length > 100) throw { code: 'invalid', message: `That name is ${[...name].length} characters long; a business name can have up to 100.` };
    this.business = { ...b, name };
  }
  async listSources() { return structuredClone(this.sources); }
  /** As the engine's check for a source listening to what another does. */
  private refuseDuplicate(spec: SourceSpec) {
    const norm = (v: string | null | undefined) => (v ?? '').trim().replace(/\/+$/, '').toLowerCase();
    const words = (q: string[]) => [...new Set(q.map((w) => w.trim().toLowerCase()).filter(Boolean))].sort().join('\n');
    const other = this.sources.find((s) => s.spec.name !== spec.name && s.spec.kind === spec.kind && norm(s.spec.url) === norm(spec.url)
      && norm(s.spec.base_url) === norm(spec.base_url) && norm(s.spec.account) === norm(spec.account) && words(s.spec.queries) === words(spec.queries));
    if (other) throw { code: 'invalid', message: `“${other.spec.name}” already listens to this; change that one instead` };
  }
  async addSource(spec: SourceSpec) {
    if (spec.kind === 'rss' && !/^https?:\/\//.test(spec.url ?? '')) throw { code: 'invalid', message: 'invalid input: feed url must be http or https' };
    this.refuseDuplicate(spec);
    const same = this.sources.find((x) => x.spec.name === spec.name);
    if (same) { same.spec = structuredClone(spec); return structuredClone(same); }
    const s: Source = { id: Math.max(0, ...this.sources.map((x) => x.id)) + 1, spec, enabled: true, cursor: null, health: { state: 'idle' } };
    this.sources.push(s);
    return structuredClone(s);
  }
  checks: SourceSpec[] = [];
  async checkSource(spec: SourceSpec): Promise<SourceCheck> {
    this.checks.push(structuredClone(spec));
    if (spec.kind === 'rss' && !/^https?:\/\//.test(spec.url ?? '')) throw { code: 'invalid', message: 'invalid input: feed url must be http or https' };
    this.refuseDuplicate(spec);
    if (spec.kind === 'mastodon' && !spec.base_url) throw { code: 'invalid', message: 'Mastodon needs the server address (mastodon.social)' };
    if (spec.kind === 'mastodon') return { found: 4, matching: 2, examples: ['#brightside latte art this morning', 'Brightside Coffee opens a second shop', 'new hashtags for coffee week'], note: null };
    return { found: 0, matching: 0, examples: [], note: 'It answered, with nothing in it yet.' };
  }
  checkedNow = 0;
  async checkNow() {
    this.checkedNow++;
    const now = Math.floor(Date.now() / 1000);
    for (const s of this.sources) if (s.health.state === 'ok') s.health = { ...s.health, at: now };
  }
  async removeSource(id: number) { this.sources = this.sources.filter((s) => s.id !== id); }
  async startupProblem() { return this.problem; }
  async restoreNewestBackup(): Promise<Restored> {
    if (!this.problem || this.problem.backups === 0) throw { code: 'not_found', message: 'a backup in /mock/backups not found' };
    this.restored++;
    this.problem = null;
    return { from: '/mock/backups/earshot-20261129-090000.sqlite3', kept: '/mock/earshot.sqlite3.before-restore-20261130-090000' };
  }
  // The team: in memory, as the shell answers. An address naming `shared` has an inbox already
  // (Ana's); any other is an empty team database. `?team` starts on Ana's team.
  team: { address: string; name: string } | null = null;
  teamJoins: Array<{ address: string; name: string; bringInbox: boolean; password: string | null }> = [];
  private teamAddress(address: string) {
    const a = address.trim();
    if (!/^postgres(ql)?:\/\//.test(a)) throw { code: 'team', message: 'the team database\'s address is not usable: not a URL (relative URL without a base); it starts postgres://' };
    const url = new URL(a.replace(/^postgres(ql)?:/, 'http:'));
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (!local && url.searchParams.get('sslmode') === 'disable') throw { code: 'team', message: `the team database at ${url.hostname} is on another computer, so Earshot only talks to it over TLS: remove sslmode=disable from the address` };
    url.password = '';
    return { shown: url.toString().replace(/^http:/, 'postgres:'), local, shared: a.includes('shared') };
  }
  async workAlone() { this.team = null; this.problem = null; }
  async teamStatus(): Promise<TeamStatus> {
    if (!this.team) return { address: null, name: null, members: [], sources: [], own_file: '/mock/earshot.sqlite3' };
    const members = [...new Set(['Ana', this.team.name])].sort();
    return {
      address: this.team.address, name: this.team.name, members, own_file: '/mock/earshot.sqlite3',
      sources: this.sources.map((s, i) => ({
        source_id: s.id, source: s.spec.name,
        listener: i % 2 === 0 ? this.team!.name : 'Ana', here: i % 2 === 0,
        can_listen_here: !s.spec.account,
      })),
    };
  }
  async lookAtTeam(address: string, _password: string | null): Promise<TeamLook> {
    const a = this.teamAddress(address);
    return { address: a.shown, mentions: a.shared ? 1200 : 0, members: a.shared ? ['Ana'] : [], encrypted: !a.local };
  }
  async joinTeam(address: string, password: string | null, name: string, bringInbox: boolean): Promise<TeamStatus> {
    const a = this.teamAddress(address);
    if (!name.trim()) throw { code: 'team', message: 'invalid input: a display name is 1 to 80 characters' };
    if (bringInbox && a.shared) throw { code: 'team', message: 'invalid input: the team\'s database already has an inbox: join it as it is (your own mentions stay in this computer\'s database)' };
    this.teamJoins.push({ address: a.shown, name: name.trim(), bringInbox, password });
    this.team = { address: a.shown, name: name.trim() };
    this.helpers = [...new Set(['Ana', name.trim()])].sort();
    this.emit({ type: 'resync' });
    return this.teamStatus();
  }
  async leaveTeam(): Promise<TeamStatus> {
    if (!this.team) throw { code: 'team', message: 'this desktop is not on a team' };
    this.team = null;
    this.emit({ type: 'resync' });
    return this.teamStatus();
  }
  policy: AlertPolicy = { notify_min: 40, urgent_threshold: 60, quiet_hours: null, burst_max: 3, urgent_burst_max: 8, burst_window_secs: 120 };
  async getAlertPolicy() { return structuredClone(this.policy); }
  async setAlertPolicy(p: AlertPolicy) {
    if (p.quiet_hours && (p.quiet_hours[0] === p.quiet_hours[1] || p.quiet_hours.some((h) => h < 0 || h > 23))) throw { code: 'invalid', message: 'invalid input: quiet hours start and end at different hours, 0 to 23' };
    this.policy = structuredClone(p); return structuredClone(p);
  }
  composing: Array<{ mentionId: number; open: boolean }> = [];
  async setComposing(mentionId: number, open: boolean) { this.composing.push({ mentionId, open }); }
  /** Test hook: someone on the team answered a mention from their desktop. */
  answeredByTeammate(mentionId: number, who: string, body: string) {
    const m = this.find(mentionId);
    const now = Math.floor(Date.now() / 1000);
    const r: Reply = { id: this.replies.length + 1, mention_id: mentionId, channel: m.channel, private: false, body, idempotency_key: `key-${this.replies.length + 1}`, state: 'sent', remote_id: 'r', remote_url: null, error: null, created_at: now, updated_at: now, attempts: 1, sent_by: who };
    this.replies.push(r);
    this.emit({ type: 'mention_updated', mention: structuredClone(m) });
  }
  async showDataFolder() {}
  async quit() {}
  async getAutostart() { return this.autostart; }
  async setAutostart(enabled: boolean) { this.autostart = enabled; return enabled; }
  async appInfo(): Promise<AppInfo> { return { demo: false, alerts_paused: this.paused, urgent_threshold: 60, data_file: '/mock/earshot.sqlite3' }; }
  async setAlertsPaused(p: boolean) { this.paused = p; }
  async openOriginal(id: number) { this.opened.push(id); }
  async replyRules(id: number) {
    const m = this.find(id);
    const rules = RULES[m.channel];
    if (!rules) return null;
    // As the engine says for X posts that do not mention the account.
    if (m.channel === 'x' && !m.remote.to_owner) return { ...rules, elsewhere: 'X lets apps reply only to posts that mention or quote your account: answer this one on X' };
    return rules;
  }
  async listReplies(id: number) { return structuredClone(this.replies.filter((r) => r.mention_id === id)); }
  async sendReply(id: number, body: string, isPrivate: boolean) {
    const m = this.find(id);
    const rules = RULES[m.channel];
    if (!rules) throw { code: 'invalid', message: `invalid input: ${m.channel} has no way to reply from Earshot: open the original to answer` };
    const n = replyLength(body, rules.unit);
    if (n > rules.limit) throw { code: 'invalid', message: `invalid input: the reply is ${n} long; ${m.channel} allows ${rules.limit}` };
    const r: Reply = { id: this.replies.length + 1, mention_id: id, channel: m.channel, private: isPrivate, body, idempotency_key: `key-${this.replies.length + 1}`, state: 'queued', remote_id: null, remote_url: null, error: null, created_at: now, updated_at: now, attempts: 0, sent_by: null };
    this.replies.push(r);
    this.emit({ type: 'reply_updated', reply: structuredClone(r) });
    queueMicrotask(() => this.deliver(r));
    return structuredClone(r);
  }
  private deliver(r: Reply) {
    r.state = 'sending';
    this.emit({ type: 'reply_updated', reply: structuredClone(r) });
    if (this.failNext) { r.state = 'failed'; r.error = this.failNext; this.failNext = null; }
    else {
      r.state = 'sent'; r.remote_id = `remote-${r.id}`; r.error = null;
      const m = this.find(r.mention_id);
      m.work.first_response_at ??= Math.floor(Date.now() / 1000); m.work.at_risk = false;
      if (r.private) m.work.sent_private = true; else m.work.sent_public = true;
      // As the engine records a sent reply: a new mention is now open, and read.
      if (m.status === 'new') m.status = 'open';
      m.read = true;
      this.emit({ type: 'mention_updated', mention: structuredClone(m) });
    }
    this.emit({ type: 'reply_updated', reply: structuredClone(r) });
  }
  async retryReply(replyId: number) {
    const r = this.replies.find((x) => x.id === replyId);
    if (!r) throw { code: 'not_found', message: `reply ${replyId} not found` };
    if (r.state === 'failed') this.deliver(r);
    return structuredClone(r);
  }
  async beginMastodonLogin(_name: string, instance: string): Promise<LoginStarted> {
    if (!instance.trim()) throw { code: 'invalid', message: 'invalid input: configuration: Mastodon needs the instance address (base_url)' };
    const flow = this.logins.length + 1;
    this.logins.push({ flow, instance });
    return { flow, authorize_url: `https://${instance}/oauth/authorize?client_id=x&code_challenge=y&code_challenge_method=S256` };
  }
  async finishMastodonLogin(flow: number, pasted: string) {
    const l = this.logins.find((x) => x.flow === flow);
    if (!l) throw { code: 'not_found', message: `login ${flow} not found` };
    if (!pasted.trim()) throw { code: 'invalid', message: 'invalid input: paste the code, or the whole address the browser shows' };
    if (l.reddit) {
      const src = this.sources.find((x) => x.spec.name === l.instance);
      if (src) src.spec.account = 'brightsidecoffee';
      this.emit({ type: 'login_finished', source: src ? structuredClone(src) : null, error: src ? null : 'no such source' });
      return;
    }
    if (l.x) {
      const xs = await this.addSource({ kind: 'x', name: 'X (@brightsidecoffee)', url: null, queries: [], base_url: null, account: 'brightsidecoffee', interval_secs: null, require_match: null, monthly_cap: l.instance ? Number(l.instance) : undefined });
      this.emit({ type: 'login_finished', source: xs, error: null });
      return;
    }
    if (l.email) {
      const e = l.email;
      const [imap, smtp] = e.provider === 'google' ? ['imaps://imap.gmail.com', 'smtps://smtp.gmail.com'] : ['imaps://outlook.office365.com', 'smtp://smtp.office365.com:587'];
      const m = await this.addSource({ kind: 'email', name: `Email (${e.address})`, url: null, queries: [], base_url: null, account: e.address, interval_secs: null, require_match: false, imap: e.imap ?? imap, smtp: e.smtp ?? smtp });
      this.emit({ type: 'login_finished', source: m, error: null });
      return;
    }
    if (l.youtube) {
      const y = await this.addSource({ kind: 'youtube', name: 'YouTube (Brightside Coffee)', url: null, queries: [], base_url: null, account: 'UCbrightside', interval_secs: null, require_match: null, client_id: l.instance });
      this.emit({ type: 'login_finished', source: y, error: null });
      return;
    }
    if (l.google) {
      const g = await this.addSource({ kind: 'google_reviews', name: 'Google reviews (Brightside Coffee)', url: null, queries: [], base_url: null, account: 'accounts/1', interval_secs: null, require_match: null, client_id: l.instance });
      this.emit({ type: 'login_finished', source: g, error: null });
      return;
    }
    const s = await this.addSource({ kind: 'mastodon', name: `Mastodon (@owner@${l.instance})`, url: null, queries: [], base_url: `https://${l.instance}`, account: `owner@${l.instance}`, interval_secs: null, require_match: null });
    this.emit({ type: 'login_finished', source: s, error: null });
  }
  async loginBluesky(_name: string, handle: string, appPassword: string) {
    if (appPassword !== 'app-pass-word') throw { code: 'invalid', message: 'invalid input: not authorised: AuthenticationRequired: Invalid identifier or password' };
    return this.addSource({ kind: 'bluesky', name: `Bluesky (@${handle})`, url: null, queries: [], base_url: null, account: handle, interval_secs: null, require_match: null });
  }
  async addEmail(address: string, password: string, imap: string, smtp: string) {
    if (!/^imaps?:\/\/[^/]+/.test(imap.trim())) throw { code: 'invalid', message: `invalid input: configuration: the IMAP server address ${JSON.stringify(imap)} must start with imaps:// or imap://` };
    if (password !== 'mail-password') throw { code: 'invalid', message: `invalid input: not authorised: ${imap.replace(/^imaps?:\/\//, '').split(':')[0]} refused the login for ${address}: [AUTHENTICATIONFAILED] Authentication failed.` };
    return this.addSource({ kind: 'email', name: `Email (${address})`, url: null, queries: [], base_url: null, account: address, interval_secs: null, require_match: false, imap, smtp });
  }
  async setXAppToken(sourceId: number, token: string) {
    const s = this.sources.find((x) => x.id === sourceId);
    if (!s) throw { code: 'not_found', message: `source ${sourceId} not found` };
    if (token && token !== 'app-bearer') throw { code: 'invalid', message: 'invalid input: refused: X: When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.' };
    s.health = { state: 'ok', at: Math.floor(Date.now() / 1000), detail: token ? 'filtered stream · 0 posts read this month' : undefined };
    return structuredClone(s);
  }
  async beginFacebookLogin(appId: string): Promise<FacebookCode> {
    if (!/^\d+\|\w+$/.test(appId.trim())) throw { code: 'invalid', message: 'invalid input: refused: Facebook: Invalid OAuth access token - Cannot parse access token (#190)' };
    const flow = 100 + this.facebook.length;
    this.facebook.push({ flow, approved: false });
    return { flow, user_code: 'BRIGHT42', verification_uri: 'https://www.facebook.com/device', expires_in: 420, interval: 5 };
  }
  async facebookPages(flow: number): Promise<Page[]> {
    const f = this.facebook.find((x) => x.flow === flow);
    if (!f) throw { code: 'not_found', message: `login ${flow} is not waiting` };
    while (!f.approved) await new Promise((r) => setTimeout(r, 20));
    return [{ id: '104', name: 'Brightside Coffee', instagram: ['178', 'brightsidecoffee'] }, { id: '105', name: 'Brightside Roastery', instagram: null }];
  }
  async chooseFacebookPage(_flow: number, pageId: string, instagram: boolean): Promise<Source[]> {
    const out = [await this.addSource({ kind: 'facebook', name: pageId === '104' ? 'Facebook (Brightside Coffee)' : 'Facebook (Brightside Roastery)', url: null, queries: [], base_url: null, account: pageId, interval_secs: null, require_match: null })];
    if (instagram && pageId === '104') out.push(await this.addSource({ kind: 'instagram', name: 'Instagram (@brightsidecoffee)', url: null, queries: [], base_url: null, account: '178', interval_secs: null, require_match: null }));
    return out;
  }
  async beginGoogleLogin(clientId: string, _secret: string | null): Promise<LoginStarted> {
    if (!clientId.trim()) throw { code: 'invalid', message: 'invalid input: configuration: set the Google OAuth client id first (see the README)' };
    const flow = this.logins.length + 1;
    this.logins.push({ flow, instance: clientId, google: true });
    return { flow, authorize_url: `https://accounts.google.com/o/oauth2/v2/auth?client_id=${encodeURIComponent(clientId)}&code_challenge_method=S256` };
  }
  async beginYoutubeLogin(clientId: string, _secret: string | null): Promise<LoginStarted> {
    if (!clientId.trim()) throw { code: 'invalid', message: 'invalid input: configuration: set the Google OAuth client id first (see the README)' };
    const flow = this.logins.length + 1;
    this.logins.push({ flow, instance: clientId, youtube: true });
    return { flow, authorize_url: `https://accounts.google.com/o/oauth2/v2/auth?client_id=${encodeURIComponent(clientId)}&scope=youtube` };
  }
  async beginEmailLogin(s: EmailSignIn): Promise<LoginStarted> {
    if (!s.address.includes('@')) throw { code: 'invalid', message: `invalid input: configuration: ${JSON.stringify(s.address)} is not an email address` };
    if (!s.clientId.trim()) throw { code: 'invalid', message: `invalid input: configuration: set your ${s.provider === 'google' ? 'Google' : 'Microsoft'} OAuth client id first (the README says how to make one)` };
    const flow = this.logins.length + 1;
    this.logins.push({ flow, instance: s.address, email: s });
    const host = s.provider === 'google' ? 'https://accounts.google.com/o/oauth2/v2/auth' : 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize';
    return { flow, authorize_url: `${host}?client_id=${encodeURIComponent(s.clientId)}&login_hint=${encodeURIComponent(s.address)}&code_challenge_method=S256` };
  }
  async beginXLogin(clientId: string, monthlyCap: number | null): Promise<LoginStarted> {
    if (!clientId.trim()) throw { code: 'invalid', message: "invalid input: configuration: set your X app's client id first (see the README)" };
    const flow = this.logins.length + 1;
    this.logins.push({ flow, instance: String(monthlyCap ?? ''), x: true });
    return { flow, authorize_url: `https://x.com/i/oauth2/authorize?client_id=${encodeURIComponent(clientId)}&code_challenge_method=S256` };
  }
  async beginRedditLogin(name: string, clientId: string): Promise<LoginStarted> {
    if (!clientId.trim()) throw { code: 'invalid', message: "invalid input: configuration: set your Reddit app's client id first (see the README)" };
    const flow = this.logins.length + 1;
    this.logins.push({ flow, instance: name, reddit: true });
    return { flow, authorize_url: `https://www.reddit.com/api/v1/authorize?client_id=${encodeURIComponent(clientId)}&duration=permanent` };
  }
  async hideComment(id: number, hidden: boolean) {
    const m = this.find(id);
    if (m.channel !== 'facebook' && m.channel !== 'instagram') throw { code: 'invalid', message: 'invalid input: only Facebook and Instagram comments can be hidden' };
    this.hides.push({ id, hidden });
    m.remote.hidden = hidden;
    this.emit({ type: 'mention_updated', mention: structuredClone(m) });
    return structuredClone(m);
  }
  async deleteReviewReply(id: number) {
    const m = this.find(id);
    m.remote.owner_reply = null;
    this.emit({ type: 'mention_updated', mention: structuredClone(m) });
    return structuredClone(m);
  }
  async logout(id: number) {
    const s = this.sources.find((x) => x.id === id);
    if (!s) throw { code: 'not_found', message: `source ${id} not found` };
    s.spec.account = null;
    return structuredClone(s);
  }
  async onEngineEvent(cb: (e: BackendEvent) => void) { this.listeners.push(cb); return () => { this.listeners = this.listeners.filter((l) => l !== cb); }; }
  async onOpenMention(cb: (id: number, reply: boolean) => void) { this.openListeners.push(cb); return () => { this.openListeners = this.openListeners.filter((l) => l !== cb); }; }
}
