// The mock backend's starting mentions: the inbox a browser test opens to. Each one is shaped
// as the Rust side sends one; the browser tests assert on these texts and triage figures.
import type { Mention } from './index';

export const now = Math.floor(Date.now() / 1000);

export function mk(id: number, over: Partial<Mention>): Mention {
  return {
    id, channel: 'hackernews', external_id: String(1000 + id), source_id: 1, url: `https://news.ycombinator.com/item?id=${1000 + id}`,
    title: null, author: { handle: `user${id}`, display_name: null, profile_url: null, followers: null, karma: null },
    text: '', html: null, created_at: now - id * 600, fetched_at: now, reply_to: null, thread_root: null, lang: null, remote: { cid: null, root_cid: null, author_id: null, to_owner: false },
    engagement: { likes: null, reposts: null, replies: null, velocity: null }, matched_terms: ['Brightside'],
    status: 'new', read: false, owner: { urgent: null, intent: null },
    work: { tags: [], assignee: null, snooze_until: null, first_response_at: null, done_at: null, due_at: (over.created_at ?? now - id * 600) + 3600, at_risk: false, notes: 0, sent_public: false, sent_private: false }, ...over,
    triage: { urgency: 10, sentiment: 0, mood: 'neutral', intent: 'other', complaint: false, needs_reply: false, reasons: [], ...over.triage },
  };
}

export const SEED: Mention[] = [
  mk(1, { author: { handle: 'kestrel', display_name: null, profile_url: null, followers: null, karma: 48200 }, text: 'Brightside Coffee charged me twice and support ignored me. Worst service. I want a refund.', triage: { urgency: 82, sentiment: -0.8, mood: 'negative', intent: 'complaint', complaint: true, needs_reply: true, reasons: ["negative: 'worst', 'ignored'", "complaint: 'refund'", 'author has 48k karma'] } }),
  mk(2, { channel: 'rss', author: { handle: 'Maya R.', display_name: null, profile_url: null, followers: null, karma: null }, title: '★★★★★ Best flat white in town', text: 'Lovely staff, great coffee.', triage: { urgency: 0, sentiment: 0.9, mood: 'positive', intent: 'praise', complaint: false, needs_reply: false, reasons: ["positive: 'lovely', 'great'"] } }),
  mk(3, { text: 'Does anyone know if Brightside ships to Canada?', triage: { urgency: 24, sentiment: 0, mood: 'neutral', intent: 'lead', complaint: false, needs_reply: true, reasons: ["asks for help: 'does anyone'"] } }),
  mk(4, { channel: 'rss', author: { handle: 'Tom K.', display_name: null, profile_url: null, followers: null, karma: null }, title: '★☆☆☆☆ Rude staff, cold food', text: 'Waited 40 minutes, rude barista. Never again.', triage: { urgency: 66, sentiment: -0.7, mood: 'negative', intent: 'complaint', complaint: true, needs_reply: true, reasons: ["negative: 'rude'", "complaint: 'rude', 'never again'"] } }),
  mk(5, { author: { handle: 'xss_tester', display_name: null, profile_url: null, followers: null, karma: null }, text: 'Tried the Brightside blend <script>window.__earshotPwned = 1</script> <img src=x onerror="window.__earshotPwned = 2"> good!', triage: { urgency: 3, sentiment: 0.4, mood: 'positive', intent: 'praise', complaint: false, needs_reply: false, reasons: [] } }),
  mk(6, { channel: 'bluesky', external_id: 'at://did:plc:dana/app.bsky.feed.post/3l1', url: 'https://bsky.app/profile/dana.bsky.social/post/3l1', author: { handle: '@dana.bsky.social', display_name: 'Dana', profile_url: null, followers: 2300, karma: null }, text: '@brightsidecoffee.bsky.social is the oat milk back? 🥛', triage: { urgency: 35, sentiment: 0, mood: 'neutral', intent: 'question', complaint: false, needs_reply: true, reasons: ['addressed to you'] } }),
  mk(7, { channel: 'mastodon', external_id: '113000000000000001', url: 'https://mastodon.example/@jess/113000000000000001', author: { handle: '@jess@mastodon.example', display_name: 'Jess', profile_url: null, followers: 850, karma: null }, text: '@brightsidecoffee the bag arrived split open.', triage: { urgency: 45, sentiment: -0.4, mood: 'negative', intent: 'complaint', complaint: true, needs_reply: true, reasons: ['addressed to you'] } }),
];

/** A Facebook comment, a Google review, an X post that does not mention the account and an
 * email with an attachment (`?pages`). */
export const PAGES_SEED: Mention[] = [
  mk(10, { channel: 'x', external_id: '1800000000000000102', url: 'https://x.com/coffee_critic/status/1800000000000000102', author: { handle: '@coffee_critic', display_name: 'The Coffee Critic', profile_url: null, followers: 240000, karma: null }, text: 'Brightside Coffee in Portland: overrated and slow. Two stars.', remote: { kind: 'post', verified: true }, triage: { urgency: 58, sentiment: -0.4, mood: 'negative', intent: 'complaint', complaint: true, needs_reply: true, reasons: ['author has 240k followers', 'verified account'] } }),
  mk(8, { channel: 'facebook', external_id: '700000000000001_800000000000002', url: 'https://www.facebook.com/104/posts/700000000000001/?comment_id=800000000000002', author: { handle: 'Greg Hanley', display_name: null, profile_url: null, followers: null, karma: null }, text: 'Waited 40 minutes for a cold latte and nobody said sorry.', remote: { kind: 'comment', to_owner: true, post_id: '104_700000000000001', post_text: 'Our autumn menu is here: pumpkin oat latte…', author_id: '5100000000002' }, triage: { urgency: 78, sentiment: -0.7, mood: 'negative', intent: 'complaint', complaint: true, needs_reply: true, reasons: ["complaint: 'waited'", 'addressed to you'] } }),
  mk(11, { channel: 'email', external_id: '<charged-twice@example.com>', url: null, title: 'Charged twice this morning', author: { handle: 'rita.vance@example.com', display_name: 'Rita Vance', profile_url: null, followers: null, karma: null }, text: 'My card was charged twice for one latte. Please refund the extra charge today.', remote: { kind: 'message', to_owner: true, author_id: 'rita.vance@example.com', attachments: [{ name: 'receipt.pdf', size: 48213 }] }, triage: { urgency: 80, sentiment: -0.6, mood: 'negative', intent: 'complaint', complaint: true, needs_reply: true, reasons: ["complaint: 'charged twice'", 'addressed to you'] } }),
  mk(12, { channel: 'mastodon', external_id: '113000000000000012', url: 'https://mastodon.example/@lucia/113000000000000012', lang: 'es', author: { handle: '@lucia@mastodon.example', display_name: 'Lucía Gómez', profile_url: null, followers: 310, karma: null }, text: '@brightsidecoffee el pedido llegó tarde y frío. Muy decepcionada.', triage: { urgency: 62, sentiment: -0.6, mood: 'negative', intent: 'complaint', complaint: true, needs_reply: true, reasons: ["complaint: 'llegó tarde'", 'addressed to you'] } }),
  mk(9, { channel: 'google_reviews', external_id: 'sim-review-onestar', url: 'https://business.google.com/reviews?review=sim-review-onestar', title: '★☆☆☆☆ review of Brightside Coffee — Division St', author: { handle: 'Derek W.', display_name: null, profile_url: null, followers: null, karma: null }, text: 'Cold coffee and they charged my card twice.', remote: { kind: 'review', rating: 1, to_owner: true, post_id: 'accounts/1/locations/4', post_text: 'Brightside Coffee — Division St', owner_reply: 'Sorry Derek, refunded.' }, triage: { urgency: 90, sentiment: -0.8, mood: 'negative', intent: 'complaint', complaint: true, needs_reply: true, reasons: ['1-star review ★☆☆☆☆', "negative: 'charged', 'twice'"] } }),
];
