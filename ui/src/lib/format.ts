import type { Author } from './bindings/Author';
import type { Channel } from './bindings/Channel';
import type { Health } from './bindings/Health';
import type { Intent } from './bindings/Intent';
import type { Sentiment } from './bindings/Sentiment';
import type { LengthUnit } from './bindings/LengthUnit';
import type { ReplyState } from './bindings/ReplyState';
import type { Remote } from './bindings/Remote';

export const CHANNEL_LABEL: Record<Channel, string> = {
  hackernews: 'Hacker News', rss: 'RSS', mastodon: 'Mastodon', bluesky: 'Bluesky',
  facebook: 'Facebook', instagram: 'Instagram', google_reviews: 'Google reviews', reddit: 'Reddit', youtube: 'YouTube', x: 'X', email: 'Email',
};

/** Each network's mark in the list: a letter on its colour (drawn by CSS from `net-<channel>`),
 * so a row says where it is from at a glance; the name stays in the text for screen readers. */
export const NET_GLYPH: Record<Channel, string> = {
  hackernews: 'Y', rss: 'R', mastodon: 'M', bluesky: 'b', facebook: 'f', instagram: 'I',
  google_reviews: 'G', reddit: 'r', youtube: '▶', x: 'X', email: '@',
};

/** ★★☆☆☆ */
export function stars(n: number): string {
  const k = Math.max(0, Math.min(5, Math.round(n)));
  return '★'.repeat(k) + '☆'.repeat(5 - k);
}

/** What the mention is on its network, when the network has several kinds: "comment",
 * "reply", "review ★★☆☆☆", "tag", "visitor post", "private message". */
export function kindLabel(m: { remote: Remote }): string | null {
  const r = m.remote;
  switch (r.kind) {
    case 'review': return `review ${r.rating != null ? stars(r.rating) : ''}`.trim();
    case 'edited_review': return `edited review ${r.rating != null ? stars(r.rating) : ''}`.trim();
    case 'deleted_review': return 'deleted review';
    case 'post': return 'visitor post';
    case 'message': return 'private message';
    case 'comment': case 'reply': case 'tag': return r.kind;
    default: return null;
  }
}

/** "12 KB", "2.1 MB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}

export function humanCount(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1)}M`;
  if (n >= 1_000) return `${(n / 1_000).toFixed(n >= 10_000 ? 0 : 1)}k`;
  return String(n);
}

export function reach(a: Author): string | null {
  if (a.followers != null) return `${humanCount(a.followers)} followers`;
  if (a.karma != null) return `${humanCount(a.karma)} karma`;
  return null;
}

/** The reach tier shown as a badge: 2k+, 10k+, 100k+, 1M+ followers. */
export function reachTier(a: Author): string | null {
  const f = a.followers;
  if (f == null) return null;
  for (const [min, label] of [[1_000_000, '1M+'], [100_000, '100k+'], [10_000, '10k+'], [2_000, '2k+']] as const) {
    if (f >= min) return label;
  }
  return null;
}

export const INTENT_LABEL: Record<Intent, string> = {
  complaint: 'Complaint', question: 'Question', praise: 'Praise', lead: 'Lead', other: 'Other',
};

export const MOOD_LABEL: Record<Sentiment, string> = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' };

export function ago(ts: number, now = Date.now() / 1000): string {
  const s = Math.max(0, Math.floor(now - ts));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

/** How long ago, in a compact row's few characters: "now", "10m", "4h", "3d". */
export function agoShort(ts: number, now = Date.now() / 1000): string {
  const s = Math.max(0, Math.floor(now - ts));
  if (s < 60) return 'now';
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** The response clock in a compact row: "in 50m", "due now", "late 1h 15m". */
export function dueShort(due: number, now = Date.now() / 1000): string {
  const left = due - now;
  if (Math.abs(left) < 60) return 'due now';
  const m = Math.floor(Math.abs(left) / 60);
  const t = m < 60 ? `${m}m` : m < 48 * 60 ? `${Math.floor(m / 60)}h${m % 60 ? ` ${m % 60}m` : ''}` : `${Math.round(m / 1440)}d`;
  return left < 0 ? `late ${t}` : `in ${t}`;
}

/** Intl's formatters are costly to make — each holds ICU's tables, outside the JavaScript heap,
 * where the collector does not hurry to free them: `toLocaleString` with options made one per
 * call, a few per inbox row, and the web process grew by tens of MiB while the owner scrolled.
 * One formatter per kind and options, made once. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames | Intl.Segmenter>();
function made<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames | Intl.Segmenter>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) { f = make(); formatters.set(key, f); }
  return f;
}

/** A date and/or time in the system's own way, with one shared formatter per set of options. */
export function dateText(ts: number, options: Intl.DateTimeFormatOptions = {}): string {
  return made(`date ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(undefined, options)).format(new Date(ts * 1000));
}

/** A count in the system's own way ("12,400" / "12 400"). */
export function numberText(n: number): string {
  return made('number', () => new Intl.NumberFormat()).format(n);
}

/** A moment in the system's own way of writing dates and times, to the minute ("30 Nov 2026,
 * 14:05" in a British locale, "Nov 30, 2026, 2:05 PM" in an American one). */
export function fullTime(ts: number): string {
  return dateText(ts, { dateStyle: 'medium', timeStyle: 'short' });
}

export function urgencyClass(u: number, threshold: number): string {
  if (u >= threshold) return 'urgent';
  if (u >= 30) return 'warm';
  return 'calm';
}

export function healthText(h: Health): string {
  switch (h.state) {
    case 'idle': return 'Waiting for first check';
    case 'ok': return [h.warning ?? 'OK', h.detail, `checked ${ago(h.at)}`].filter(Boolean).join(' · ');
    case 'limited': return `Working, ${h.reason} · checked ${ago(h.at)}`;
    case 'error': return `Error: ${h.reason} · retrying ${ago(h.retry_at) === 'just now' ? 'now' : 'soon'}`;
    case 'rate_limited': return `Rate limited until ${dateText(h.until, { timeStyle: 'medium' })}`;
    case 'needs_login': return `Log in again: ${h.reason}`;
  }
}

/** A reply's length as its channel counts it (the engine checks again before sending). */
export function replyLength(text: string, unit: LengthUnit): number {
  if (unit === 'graphemes') {
    const seg = made('graphemes', () => new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
    let n = 0;
    for (const _ of seg.segment(text)) n++;
    return n;
  }
  // Mastodon: every link is 23 characters, a mention counts only its @name part.
  return text.split(/(\s+)/).reduce((sum, w) => {
    if (/^https?:\/\//.test(w)) return sum + 23;
    const m = /^@([^@\s]+)@\S+$/.exec(w);
    if (m) return sum + 1 + [...m[1]].length;
    return sum + [...w].length;
  }, 0);
}

export const REPLY_STATE_LABEL: Record<ReplyState, string> = {
  queued: 'Queued', sending: 'Sending…', sent: 'Sent', failed: 'Failed',
};

import type { Status } from './bindings/Status';

export const STATUS_LABEL: Record<Status, string> = {
  new: 'New', open: 'Open', snoozed: 'Snoozed', done: 'Done', ignored: 'Ignored',
};

/** A span of seconds as a person says it: "45 s", "12 min", "3 h 5 min", "2 days". */
export function span(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m / 60} h`;
  return `${Math.round(m / 1440)} days`;
}

/** The response clock of an unanswered mention: "due in 12 min", "overdue by 5 min", "due Mon 09:15".
 * In whole minutes, as targets are: a label that ticks in seconds reads as alarm, not a clock. */
export function dueLabel(due: number, now = Date.now() / 1000): string {
  const left = due - now;
  if (left <= -60) return `overdue by ${span(Math.floor(-left / 60) * 60)}`;
  if (left < 0) return 'due now';
  if (left < 2 * 3600) return `due in ${span(Math.max(1, Math.ceil(left / 60)) * 60)}`;
  return `due ${dateText(due, { weekday: 'short', hour: '2-digit', minute: '2-digit' })}`;
}

/** The variables a saved reply fills itself: `{first_name}` (the author's first name where one
 * can be told, else their handle; `{author}` is the same), `{handle}`, `{business}`, `{channel}`. */
export const BUILTIN_FIELDS = ['author', 'first_name', 'handle', 'business', 'channel'] as const;

/** Words that show what a saved reply is for, by the intent it answers (in the languages
 * Earshot's owners write in most). */
const FIT: Record<Intent, RegExp> = {
  complaint: /\b(sorry|apolog|fix|refund|make (it|this) right|lo siento|disculp|désolé|excuse|entschuldig|leider|scusa|desculp)/i,
  question: /\b(answer|question|hours|open|info|help|here is|here's|you can|respuesta|horario|réponse|horaires|antwort|öffnungszeiten|risposta|orari|resposta)/i,
  praise: /\b(thank|glad|love|appreciat|gracias|merci|danke|grazie|obrigad)/i,
  lead: /\b(quote|price|order|book|catering|reserv|presupuesto|devis|angebot|preventivo|orçamento)/i,
  other: /$^/,
};

/** A rough language of a saved reply, from its commonest words (for best fit only). */
export function replyLanguage(text: string): string | null {
  const t = ` ${text.toLowerCase()} `;
  const score: Record<string, number> = {
    en: (t.match(/ (the|and|you|your|we|is|to|for) /g) ?? []).length,
    es: (t.match(/ (el|la|los|que|y|usted|tu|gracias|por|para|lo) /g) ?? []).length,
    fr: (t.match(/ (le|la|les|et|vous|nous|merci|pour|est|une) /g) ?? []).length,
    de: (t.match(/ (der|die|das|und|sie|wir|ist|für|danke|nicht) /g) ?? []).length,
    it: (t.match(/ (il|lo|gli|che|e|grazie|per|siamo|non|una) /g) ?? []).length,
    pt: (t.match(/ (o|os|que|e|você|obrigado|obrigada|para|não|uma) /g) ?? []).length,
  };
  const [best, n] = Object.entries(score).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : null;
}

/** Saved replies in the order to offer them for a mention: those written for what the author
 * wants (a complaint is offered the apology first) and in the author's language first, then the
 * most used. */
export function bestFit<T extends { name: string; body: string; uses: number }>(saved: T[], intent: Intent, lang: string | null): T[] {
  const score = (r: T) => (FIT[intent].test(`${r.name} ${r.body}`) ? 2 : 0)
    + (lang && replyLanguage(r.body) === lang.slice(0, 2).toLowerCase() ? 1 : 0);
  return saved
    .map((r, i) => ({ r, i, s: score(r) }))
    .sort((a, b) => b.s - a.s || b.r.uses - a.r.uses || a.i - b.i)
    .map((x) => x.r);
}

/** The `{fields}` of a saved reply the owner fills in, in order of first use. */
export function templateFields(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/\{([^{}\n]{1,40})\}/g)) {
    const f = m[1].trim();
    if (!(BUILTIN_FIELDS as readonly string[]).includes(f) && !out.includes(f)) out.push(f);
  }
  return out;
}

/** Fills a saved reply: built-in variables from the mention, others from `fields` (left as
 * `{name}` while empty, so an unfilled field is visible before sending). */
export function fillTemplate(body: string, vars: Record<string, string>, fields: Record<string, string>): string {
  return body.replace(/\{([^{}\n]{1,40})\}/g, (whole, name: string) => {
    const k = name.trim();
    const v = k in vars ? vars[k] : fields[k];
    return v && v.trim() ? v : whole;
  });
}

/** Words that begin names without being a first name ("The Food Critic", "Le Petit Café"). */
const NOT_A_FIRST_NAME = new Set(['the', 'a', 'an', 'le', 'la', 'les', 'el', 'los', 'las', 'il', 'lo', 'der', 'die',
  'das', 'de', 'del', 'mr', 'mrs', 'ms', 'dr', 'team', 'official', 'my', 'our']);

/** The name to greet an author by: the first word of a display name that reads as a person's
 * ("Dana Scully" → "Dana"), else their handle ("The Food Critic" is not greeted as "The"). */
export function greeting(a: Author): string {
  const words = (a.display_name ?? '').trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const looksLikeAName = words.length >= 1 && words.length <= 4
    && /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(first)
    && !NOT_A_FIRST_NAME.has(first.toLowerCase().replace(/\.$/, ''));
  return looksLikeAName ? first : a.handle;
}

/** `text` cut into the parts a search matched and the rest, for marking matches (rendered as
 * text, never as markup). Each word of the search matches case-blind; quotes are ignored. */
export function highlight(text: string, search: string): Array<{ t: string; hit: boolean }> {
  const terms = search.toLowerCase().replace(/["“”]/g, ' ').split(/\s+/).map((w) => w.replace(/\*$/, '')).filter((w) => w.length >= 2);
  if (!terms.length || !text) return [{ t: text, hit: false }];
  const lower = text.toLowerCase();
  const hits: Array<[number, number]> = [];
  for (const term of terms) {
    for (let i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + term.length)) hits.push([i, i + term.length]);
  }
  if (!hits.length || lower.length !== text.length) return [{ t: text, hit: false }];
  hits.sort((a, b) => a[0] - b[0]);
  const out: Array<{ t: string; hit: boolean }> = [];
  let at = 0;
  for (const [a, b] of hits) {
    if (b <= at) continue;
    const start = Math.max(a, at);
    if (start > at) out.push({ t: text.slice(at, start), hit: false });
    out.push({ t: text.slice(start, b), hit: true });
    at = b;
  }
  if (at < text.length) out.push({ t: text.slice(at), hit: false });
  return out;
}

/** A language's name in the system's language ("Spanish", "espagnol"), from its ISO 639-1
 * code; the code itself where the browser has no name for it. */
export function languageName(code: string): string {
  try {
    return made('languages', () => new Intl.DisplayNames(undefined, { type: 'language' })).of(code) ?? code;
  } catch {
    return code;
  }
}
