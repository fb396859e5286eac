import type { Author } from './bindings/Author';
import type { Channel } from './bindings/Channel';
import type { Health } from './bindings/Health';
import type { Intent } from './bindings/Intent';
import type { Sentiment } from './bindings/Sentiment';
import type { LengthUnit } from './bindings/LengthUnit';
import type { ReplyState } from './bindings/ReplyState';

export const CHANNEL_LABEL: Record<Channel, string> = { hackernews: 'Hacker News', rss: 'RSS', mastodon: 'Mastodon', bluesky: 'Bluesky' };

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

export function fullTime(ts: number): string {
  return new Date(ts * 1000).toLocaleString();
}

export function urgencyClass(u: number, threshold: number): string {
  if (u >= threshold) return 'urgent';
  if (u >= 30) return 'warm';
  return 'calm';
}

export function healthText(h: Health): string {
  switch (h.state) {
    case 'idle': return 'Waiting for first check';
    case 'ok': return `OK · checked ${ago(h.at)}`;
    case 'error': return `Error: ${h.reason} · retrying ${ago(h.retry_at) === 'just now' ? 'now' : 'soon'}`;
    case 'rate_limited': return `Rate limited until ${new Date(h.until * 1000).toLocaleTimeString()}`;
  }
}

/** A reply's length as its channel counts it (the engine checks again before sending). */
export function replyLength(text: string, unit: LengthUnit): number {
  if (unit === 'graphemes') {
    const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
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
