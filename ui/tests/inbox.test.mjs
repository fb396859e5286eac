// UI tests in a real browser (Debian chromium driven by playwright-core) against the mock-backend
// build (`npm run build:mock`). Waits are on DOM conditions, never on time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { open } from './harness.mjs';

const authors = (page) => page.locator('[data-testid=mention-author]').allTextContents();

test('the inbox renders urgent first with the reason shown', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  assert.deepEqual((await authors(page)).slice(0, 2), ['kestrel', 'Tom K.']);
  assert.match(await page.locator('[data-testid=mention-reason]').first().textContent(), /negative: 'worst'/);
  assert.equal(await page.getByTestId('unread-urgent').textContent(), '2 urgent');
  assert.deepEqual(errors, []);
});

test('newest-first, channel, status and urgency filters change the list', async () => {
  const { page } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.getByTestId('order-newest').check();
  await page.waitForFunction(() => document.querySelector('[data-testid=mention-author]')?.textContent === 'user1' || document.querySelector('[data-testid=mention-author]')?.textContent === 'kestrel');
  assert.equal((await authors(page))[0], 'kestrel', 'kestrel is also the newest');
  await page.getByTestId('filter-channel').selectOption('rss');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=mention]').length === 2);
  assert.deepEqual((await authors(page)).sort(), ['Maya R.', 'Tom K.']);
  await page.getByTestId('filter-channel').selectOption('');
  await page.getByTestId('filter-urgent').check();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=mention]').length === 2);
  await page.getByTestId('filter-urgent').uncheck();
  await page.getByTestId('filter-status').selectOption('done');
  await page.getByTestId('empty').waitFor();
  assert.match(await page.getByTestId('empty').textContent(), /No mentions match/);
});

test('search finds mentions by word', async () => {
  const { page } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.getByTestId('search').fill('canada');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=mention]').length === 1);
  assert.match(await page.locator('[data-testid=mention-text]').textContent(), /ships to Canada/);
});

test('a search says where it looks, marks what it matched, and the detail pane follows its results', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention][data-id="4"]').click();
  await page.getByTestId('detail').waitFor();
  // Mention 3 is done: the To do view cannot find it, and says so.
  await page.evaluate(() => { window.__earshotMock.mentions.find((x) => x.id === 3).status = 'done'; });
  await page.getByTestId('search').fill('canada');
  await page.getByTestId('empty').waitFor();
  assert.equal(await page.getByTestId('search-scope').textContent(), 'Searching in To do only · search all but snoozed and ignored');
  assert.equal(await page.getByTestId('detail').count(), 0, 'the pane no longer shows a mention outside the results');
  await page.getByTestId('search-wider').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=mention]').length === 1);
  assert.equal(await page.getByTestId('search-scope').textContent(), 'Searching everything but snoozed and ignored');
  assert.deepEqual(await page.locator('[data-testid=mention-text] mark').allTextContents(), ['Canada']);
  assert.deepEqual(errors, []);
});

test('opening a mention shows its reasons, and marking it done updates counts', async () => {
  const { page } = await open();
  await page.locator('[data-testid=mention]').first().click();
  await page.getByTestId('detail').waitFor();
  assert.equal(await page.getByTestId('detail-author').textContent(), 'kestrel');
  assert.match(await page.getByTestId('detail-reasons').textContent(), /complaint: 'refund'/);
  await page.waitForFunction(() => document.querySelector('[data-testid=unread-urgent]')?.textContent === '1 urgent');
  await page.getByTestId('status-done').click();
  // Done leaves the to-do queue and the next mention opens.
  await page.waitForFunction(() => document.querySelector('[data-testid=detail]')?.getAttribute('data-id') !== '1');
  await page.waitForFunction(() => !document.querySelector('[data-testid=mention][data-id="1"]'));
  assert.equal(await page.evaluate(() => window.__earshotMock.mentions.find((m) => m.id === 1).status), 'done');
  const next = Number(await page.getByTestId('detail').getAttribute('data-id'));
  await page.getByTestId('open-original').click();
  assert.deepEqual(await page.evaluate(() => window.__earshotMock.opened), [next]);
});

test('hostile post content is shown as inert text', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention][data-id="5"]').click();
  await page.getByTestId('detail-text').waitFor();
  const text = await page.getByTestId('detail-text').textContent();
  assert.match(text, /<script>window.__earshotPwned = 1<\/script>/);
  assert.equal(await page.locator('[data-testid=detail] img, [data-testid=detail] script').count(), 0, 'no element was created from post content');
  assert.equal(await page.evaluate(() => window.__earshotPwned), undefined, 'no script ran');
  assert.deepEqual(errors, []);
});

test('a mention announced by the engine appears without a reload', async () => {
  const { page } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.evaluate(() => window.__earshotMock.addMention({ author: { handle: 'newcomer', display_name: null, profile_url: null, followers: 2100000, karma: null }, text: 'Brightside lost my order', triage: { urgency: 95, sentiment: -0.6, reasons: ['author has 2.1M followers'] } }));
  await page.waitForFunction(() => document.querySelector('[data-testid=mention-author]')?.textContent === 'newcomer');
  assert.match(await page.locator('[data-testid=mention]').first().textContent(), /2\.1M followers/);
  await page.waitForFunction(() => document.querySelector('[data-testid=unread-urgent]')?.textContent === '3 urgent');
});

test('a big inbox keeps only the rows in view in the page, and loads pages by cursor as it scrolls', async () => {
  const { page, errors } = await open('?many=3000');
  await page.locator('[data-testid=mention]').first().waitFor();
  const drawn = () => page.locator('[data-testid=mention]').count();
  assert.ok((await drawn()) < 40, `rows drawn at the top: ${await drawn()}`);
  // Scroll to the end of what is loaded, again and again: pages arrive, the DOM stays small.
  for (let i = 0; i < 12; i++) {
    await page.locator('[data-testid=inbox-scroll]').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=mention]').length > 0
      && Math.max(...[...document.querySelectorAll('[data-testid=mention]')].map((e) => +e.closest('[data-index]').dataset.index)) >= n, 50 * (i + 1) - 10);
  }
  assert.ok((await drawn()) < 40, `rows drawn after scrolling: ${await drawn()}`);
  const deepest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('[data-index]')].map((e) => +e.dataset.index)));
  assert.ok(deepest >= 590, `reached row ${deepest}`);
  // Keyboard navigation brings a row that is not drawn into view.
  await page.locator('[data-testid=inbox-scroll]').evaluate((el) => { el.scrollTop = 0; });
  await page.waitForFunction(() => document.querySelector('[data-index="0"]'));
  for (let i = 0; i < 30; i++) await page.keyboard.press('j');
  await page.waitForFunction(() => document.querySelector('[data-testid=mention].selected')?.closest('[data-index]')?.dataset.index === '29');
  assert.deepEqual(errors, []);
});

test('a mention arriving above the rows in view keeps them still and says so', async () => {
  const { page } = await open('?many=400');
  await page.locator('[data-testid=mention]').first().waitFor();
  const scroller = page.locator('[data-testid=inbox-scroll]');
  await scroller.evaluate((el) => { el.scrollTop = 2000; });
  await page.waitForFunction(() => !document.querySelector('[data-index="0"]'));
  const topRow = () => page.evaluate(() => {
    const box = document.querySelector('[data-testid=inbox-scroll]').getBoundingClientRect();
    const row = [...document.querySelectorAll('[data-testid=mention]')].find((r) => r.getBoundingClientRect().bottom > box.top + 1);
    return { id: row.dataset.id, y: Math.round(row.getBoundingClientRect().top) };
  });
  const before = await topRow();
  await page.evaluate(() => window.__earshotMock.addMention({ text: 'Brightside burnt my toast', triage: { urgency: 97, sentiment: -0.6, reasons: ['complaint'] } }));
  await page.getByTestId('new-above').waitFor();
  assert.equal(await page.getByTestId('new-above').textContent(), '↑ 1 new');
  const after = await topRow();
  assert.equal(after.id, before.id);
  assert.ok(Math.abs(after.y - before.y) <= 2, `row moved from ${before.y} to ${after.y}`);
  // The list was not reloaded: the new mention is first, and the pages loaded are still there.
  await page.getByTestId('new-above').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=mention-text]')?.textContent.includes('burnt my toast'));
  // A quiet mention that sorts past the loaded pages is left for a later page.
  const count = await page.evaluate(() => window.__earshotMock.mentions.length);
  assert.ok(count > 400);
});

test('first run asks for the business, then where its customers talk, and adds what was chosen', async () => {
  const { page, errors } = await open('?fresh');
  await page.getByTestId('onboarding').waitFor();
  // The curious can look first: the demo opens beside this window, and nothing is added here.
  await page.getByTestId('ob-try-demo').click();
  await page.getByTestId('ob-demo-note').waitFor();
  assert.equal(await page.evaluate(() => window.__earshotMock.demosOpened), 1);
  assert.equal(await page.evaluate(() => window.__earshotMock.business), null, 'still a first run');
  await page.getByTestId('ob-next').click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /name of your business/);
  await page.getByTestId('ob-name').fill('Brightside Coffee');
  await page.getByTestId('ob-next').click();
  // The networks that need no account are offered; those that need one are pointed to.
  await page.getByTestId('ob-mastodon').waitFor();
  assert.match(await page.getByTestId('ob-accounts').textContent(), /Facebook, Instagram, Google reviews, X, Reddit, YouTube and your email inbox need you to sign in/);
  await page.getByTestId('ob-mastodon').check();
  await page.getByTestId('ob-mastodon-server').fill('https://mastodon.social/');
  await page.getByTestId('ob-bluesky').check();
  await page.getByTestId('ob-feeds').fill('not a url');
  await page.getByTestId('ob-submit').click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /http or https/);
  assert.equal(await page.evaluate(() => window.__earshotMock.business), null, 'a bad address keeps everything unsaved');
  await page.getByTestId('ob-feeds').fill('https://www.google.com/alerts/feeds/1/2');
  await page.getByTestId('ob-submit').click();
  await page.getByTestId('inbox').waitFor();
  const kinds = await page.evaluate(() => window.__earshotMock.sources.map((s) => [s.spec.kind, s.spec.base_url, s.spec.queries.join(' ')]));
  assert.deepEqual(kinds, [['hackernews', null, 'Brightside Coffee'], ['mastodon', 'https://mastodon.social', '#brightsidecoffee'], ['bluesky', null, ''], ['rss', null, '']]);
  assert.deepEqual(errors, []);
});

test('settings show each source health and refuse a bad feed address clearly', async () => {
  const { page } = await open();
  await page.getByTestId('health-banner').waitFor();
  assert.match(await page.getByTestId('health-banner').textContent(), /Reviews: Error: malformed response/);
  await page.getByTestId('open-settings').click();
  assert.match(await page.getByTestId('source-health').nth(1).textContent(), /Error: malformed/);
  await page.getByTestId('add-source-url').fill('ftp://nope');
  await page.getByTestId('add-source').click();
  await page.getByTestId('settings-error').waitFor();
  assert.match(await page.getByTestId('settings-error').textContent(), /http or https/);
  assert.equal(await page.getByTestId('source').count(), 2, 'nothing was added');
});

test('a source slowed by its silence says so, and Check now polls every source at once', async () => {
  const { page } = await open();
  await page.getByTestId('open-settings').click();
  const hn = page.getByTestId('source-health').first();
  assert.match(await hn.textContent(), /nothing new for over an hour: checking every 8 min instead of 2 min · checked 1 min ago/);
  await page.getByTestId('check-now').click();
  await page.getByTestId('source-note').waitFor();
  assert.equal(await page.getByTestId('source-note').textContent(), 'Checking every source now.');
  assert.equal(await page.evaluate(() => window.__earshotMock.checkedNow), 1);
  assert.match(await hn.textContent(), /checked just now/);
});

test('a mention shows its sentiment, intent and reach tier, and one click corrects the triage', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention]').first().click();
  assert.equal(await page.getByTestId('detail-mood').textContent(), 'Negative');
  assert.equal(await page.getByTestId('detail-intent').textContent(), 'Complaint');
  assert.equal(await page.getByTestId('detail-needs-reply').textContent(), 'Needs reply');
  assert.equal(await page.locator('[data-testid=mention-intent]').first().textContent(), 'Complaint');
  await page.getByTestId('mark-not-urgent').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=detail-reasons] li')?.textContent === 'you marked this not urgent');
  await page.getByTestId('set-intent').selectOption('other');
  await page.waitForFunction(() => document.querySelector('[data-testid=detail-intent]')?.textContent === 'Other');
  const sent = await page.evaluate(() => window.__earshotMock.corrections);
  assert.deepEqual(sent, [{ id: 1, kind: 'urgent', value: false }, { id: 1, kind: 'intent', value: 'other' }]);
  // The urgent count follows the correction.
  await page.waitForFunction(() => document.querySelector('[data-testid=unread-urgent]')?.textContent?.startsWith('1 '));
  assert.deepEqual(errors, []);
});

test('the composer counts as the channel does, sends publicly or privately, and shows each reply state', async () => {
  const { page, errors } = await open();
  // Bluesky: graphemes, limit 300.
  await page.locator('[data-testid=mention][data-id="6"]').click();
  await page.getByTestId('reply-text').waitFor();
  await page.getByTestId('mark-done-on-send').uncheck();
  await page.getByTestId('reply-text').fill('👨‍👩‍👧 yes!');
  await page.waitForFunction(() => document.querySelector('[data-testid=reply-count]')?.textContent === '6/300');
  await page.getByTestId('reply-text').fill('é'.repeat(301));
  await page.waitForFunction(() => document.querySelector('[data-testid=reply-count]')?.classList.contains('over'));
  assert.equal(await page.getByTestId('send-reply').isDisabled(), true, 'too long cannot be sent');
  await page.getByTestId('reply-text').fill('Yes, oat milk is back!');
  await page.getByTestId('send-reply').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=reply]')?.getAttribute('data-state') === 'sent');
  assert.equal(await page.getByTestId('reply-state').textContent(), 'Sent');
  assert.equal(await page.getByTestId('reply-text').inputValue(), '', 'the composer is ready for the next one');

  // Mastodon: the author's handle is put first; a failure says why and can be retried.
  await page.locator('[data-testid=mention][data-id="7"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=reply-text]')?.value === '@jess@mastodon.example ');
  await page.waitForFunction(() => document.querySelector('[data-testid=reply-count]')?.textContent === '6/500', null, { timeout: 5000 });
  await page.getByTestId('reply-private').check();
  await page.getByTestId('reply-text').fill('@jess@mastodon.example sorry! DM us the order number https://brightside.example/help/orders/where-is-my-order');
  await page.evaluate(() => { window.__earshotMock.failNext = 'refused: Validation failed: Text too long'; });
  await page.getByTestId('send-reply').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=reply]')?.getAttribute('data-state') === 'failed');
  assert.match(await page.getByTestId('reply-error').textContent(), /Text too long/);
  await page.getByTestId('reply-retry').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=reply]')?.getAttribute('data-state') === 'sent');
  const sent = await page.evaluate(() => window.__earshotMock.replies.map((r) => [r.mention_id, r.private, r.state]));
  assert.deepEqual(sent, [[6, false, 'sent'], [7, true, 'sent']]);
  // The rows say how each was answered: publicly (↩ Replied) or privately (✉ Private reply).
  const marks = (id) => page.locator(`[data-testid=mention][data-id="${id}"]`);
  await marks(7).getByTestId('mention-private').waitFor();
  assert.equal(await marks(7).getByTestId('mention-private').textContent(), '✉ Private reply');
  assert.equal(await marks(6).getByTestId('mention-private').count(), 0, 'answered publicly only');
  assert.equal(await marks(6).getByTestId('mention-replied').getAttribute('title'), 'Answered publicly');

  // Hacker News has no way to reply from Earshot.
  await page.locator('[data-testid=mention][data-id="3"]').click();
  await page.getByTestId('no-reply').waitFor();
  assert.match(await page.getByTestId('no-reply').textContent(), /Open the original/);
  assert.deepEqual(errors, []);
});

test('settings log in to Bluesky with an app password and to Mastodon with a pasted code', async () => {
  const { page, errors } = await open();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('bluesky-handle').fill('owner.bsky.social');
  await page.getByTestId('bluesky-password').fill('wrong');
  await page.getByTestId('bluesky-login').click();
  await page.getByTestId('settings-error').waitFor();
  assert.match(await page.getByTestId('settings-error').textContent(), /Invalid identifier or password/);
  assert.equal(await page.getByTestId('bluesky-password').inputValue(), '', 'the password is not kept in the form');
  await page.getByTestId('bluesky-password').fill('app-pass-word');
  await page.getByTestId('bluesky-login').click();
  await page.getByTestId('account-note').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=source-account]')].some((e) => e.textContent === '@owner.bsky.social'));

  await page.getByTestId('mastodon-instance').fill('mastodon.example');
  await page.getByTestId('mastodon-login').click();
  await page.getByTestId('mastodon-pending').waitFor();
  await page.getByTestId('mastodon-code').fill('http://127.0.0.1:4711/callback?code=abc&state=s');
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=source-account]')].some((e) => e.textContent === '@owner@mastodon.example'));
  assert.equal(await page.getByTestId('mastodon-pending').count(), 0, 'the paste field goes away');
  assert.deepEqual(errors, []);
});

test('settings add an email inbox: servers guessed from the address, a refused password said and not kept', async () => {
  const { page, errors } = await open();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('email-address').fill('hello@gmail.com');
  assert.equal(await page.getByTestId('email-imap').inputValue(), 'imaps://imap.gmail.com');
  assert.equal(await page.getByTestId('email-smtp').inputValue(), 'smtps://smtp.gmail.com');
  await page.getByTestId('email-address').fill('hello@brightside.coffee');
  assert.equal(await page.getByTestId('email-imap').inputValue(), 'imaps://imap.brightside.coffee');
  await page.getByTestId('email-password').fill('wrong');
  await page.getByTestId('email-add').click();
  await page.getByTestId('settings-error').waitFor();
  assert.match(await page.getByTestId('settings-error').textContent(), /refused the login for hello@brightside.coffee/);
  assert.doesNotMatch(await page.getByTestId('settings-error').textContent(), /wrong/, 'the password is never shown');
  assert.equal(await page.getByTestId('email-password').inputValue(), '', 'the password is not kept in the form');
  await page.getByTestId('email-password').fill('mail-password');
  await page.getByTestId('email-add').click();
  await page.getByTestId('account-note').waitFor();
  assert.match(await page.getByTestId('account-note').textContent(), /Listening to hello@brightside.coffee/);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=source-account]')].some((e) => e.textContent === 'hello@brightside.coffee'));
  assert.deepEqual(errors, []);
});

test('a Gmail inbox without an app password signs in with Google instead; the address goes along as the hint', async () => {
  const { page, errors } = await open();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('email-address').fill('hello@brightside.coffee');
  assert.equal(await page.getByTestId('email-oauth-google').count(), 1, 'a Workspace domain is offered Google');
  assert.equal(await page.getByTestId('email-oauth-microsoft').count(), 1, 'and Microsoft 365');
  await page.getByTestId('email-address').fill('brightside.pdx@gmail.com');
  await page.getByTestId('email-oauth').click();
  assert.equal(await page.getByTestId('email-oauth-address').inputValue(), 'brightside.pdx@gmail.com', 'the address is kept');
  assert.equal(await page.getByTestId('email-password').count(), 0, 'no password asked');
  assert.equal(await page.getByTestId('email-oauth-start').isDisabled(), true, 'no client id, no sign-in');
  await page.getByTestId('email-client-id').fill('123-abc.apps.googleusercontent.com');
  await page.getByTestId('email-oauth-start').click();
  await page.getByTestId('email-oauth-pending').waitFor();
  const url = await page.locator('[data-testid=email-oauth-pending] .url').textContent();
  assert.match(url, /^https:\/\/accounts\.google\.com\/.*login_hint=brightside\.pdx%40gmail\.com/);
  await page.getByTestId('email-oauth-code').fill('4/0AbCd');
  await page.locator('[data-testid=email-oauth-pending] button[type=submit]').click();
  await page.getByTestId('account-note').waitFor();
  assert.match(await page.getByTestId('account-note').textContent(), /brightside\.pdx@gmail\.com/);
  const added = await page.evaluate(() => window.__earshotMock.sources.find((s) => s.spec.kind === 'email').spec);
  assert.deepEqual([added.account, added.imap, added.smtp], ['brightside.pdx@gmail.com', 'imaps://imap.gmail.com', 'smtps://smtp.gmail.com']);
  assert.deepEqual(errors, []);
});

test('saved replies are offered best fit first and fill {first_name} and {handle}', async () => {
  const { page, errors } = await open('?pages');
  const offered = async (id) => {
    await page.locator(`[data-testid=mention][data-id="${id}"]`).click();
    await page.waitForFunction((id) => document.querySelector('[data-testid=detail]')?.getAttribute('data-id') === String(id), id);
    await page.getByTestId('reply-text').waitFor();
    await page.getByTestId('reply-text').focus();
    await page.keyboard.press('Control+k');
    await page.getByTestId('picker').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=picker-item]').length === 5);
    return page.locator('[data-testid=picker-item]').allTextContents();
  };
  // Dana asks a question: the hours reply first (also the most used).
  let names = await offered(6);
  assert.match(names[0], /Our hours/);
  await page.keyboard.press('Enter');
  assert.match(await page.getByTestId('reply-text').inputValue(), /Hi Dana, we are open 7 to 6/);
  // Jess complains: an apology first, not the most used reply.
  names = await offered(7);
  assert.match(names[0], /Sorry, we will fix it/);
  assert.doesNotMatch(names[0] + names[1] + names[2], /Our hours/, 'the hours reply is not offered to a complaint first');
  await page.keyboard.press('Escape');
  // Lucía complains in Spanish: the Spanish apology first, her first name with its accent.
  names = await offered(12);
  assert.match(names[0], /Lo sentimos/);
  await page.keyboard.press('Enter');
  assert.match(await page.getByTestId('reply-text').inputValue(), /Hola Lucía, lo siento mucho/);
  // "The Coffee Critic" is not a first name: the handle is used.
  names = await offered(10);
  const hours = names.findIndex((n) => /Our hours/.test(n));
  for (let i = 0; i < hours; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.match(await page.getByTestId('reply-text').inputValue(), /Hi @coffee_critic, we are open/);
  assert.deepEqual(errors, []);
});

test('the pre-send check offers the private path in one click, flags a shouted burst, and drops blanks written over', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention][data-id="7"]').click();
  await page.getByTestId('reply-text').waitFor();
  // A saved reply with blanks, then the owner writes their own words over it: no blank is left behind.
  await page.getByTestId('reply-text').focus();
  await page.keyboard.press('Control+k');
  await page.getByTestId('picker').waitFor();
  await page.keyboard.type('order problem');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=picker-item]').length === 1);
  await page.keyboard.press('Enter');
  await page.getByTestId('template-fields').waitFor();
  await page.getByTestId('reply-text').fill('@jess@mastodon.example SO SORRY!!! Call us on 0161 496 0000 today.');
  assert.equal(await page.getByTestId('template-fields').count(), 0, 'the blanks went with the text they belonged to');
  await page.getByTestId('send-reply').click();
  await page.getByTestId('presend').waitFor();
  const kinds = await page.locator('[data-testid=presend-warning]').evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.deepEqual(kinds.sort(), ['phone', 'shouting']);
  assert.match(await page.getByTestId('presend-private').getAttribute('class'), /primary/, 'private is the advised path');
  assert.equal(await page.getByTestId('presend-send').textContent(), 'Send publicly anyway');
  await page.getByTestId('presend-private').click();
  // Checked again as a private message: the number is fine there, the shouting is not.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=presend-warning]').length === 1
    && document.querySelector('[data-testid=presend-warning]').dataset.kind === 'shouting');
  assert.equal(await page.getByTestId('presend-private').count(), 0);
  await page.getByTestId('presend-send').click();
  await page.waitForFunction(() => window.__earshotMock.replies.length === 1);
  const r = await page.evaluate(() => window.__earshotMock.replies[0]);
  assert.equal(r.private, true, 'sent privately, once');
  assert.deepEqual(errors, []);
});

test('an email shows its attachments listed, not opened, and is answered privately', async () => {
  const { page, errors } = await open('?pages');
  await page.locator('[data-testid=mention][data-id="11"]').click();
  await page.getByTestId('detail-attachments').waitFor();
  assert.match(await page.getByTestId('detail-attachments').textContent(), /receipt\.pdf \(48 KB\)/);
  assert.equal(await page.locator('[data-testid=detail-attachments] a').count(), 0, 'no link opens it');
  await page.getByTestId('reply-text').waitFor();
  assert.equal(await page.getByTestId('reply-public').count(), 0, 'email has no public reply');
  assert.match(await page.getByTestId('reply-text').getAttribute('placeholder'), /privately/);
  await page.getByTestId('reply-text').fill('Rita, the second charge is refunded today.');
  await page.getByTestId('send-reply').click();
  // (Sending marks it done and moves on, so the outbox is read rather than the reply row.)
  await page.waitForFunction(() => window.__earshotMock.replies.some((r) => r.mention_id === 11 && r.state === 'sent'));
  const sent = await page.evaluate(() => window.__earshotMock.replies.map((r) => [r.mention_id, r.private]));
  assert.deepEqual(sent, [[11, true]]);
  assert.deepEqual(errors, []);
});

test('the queue works from the keyboard alone: j/k, e done, s snooze, # tag, x bulk, ? help', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  const selectedId = () => page.getByTestId('detail').getAttribute('data-id');
  await page.keyboard.press('j');
  await page.getByTestId('detail').waitFor();
  assert.equal(await selectedId(), '1', 'j opens the first (most urgent) mention');
  await page.keyboard.press('j');
  await page.waitForFunction(() => document.querySelector('[data-testid=detail]')?.getAttribute('data-id') === '4');
  await page.keyboard.press('k');
  await page.waitForFunction(() => document.querySelector('[data-testid=detail]')?.getAttribute('data-id') === '1');

  // e: done, and on to the next; the done one leaves the to-do view.
  await page.keyboard.press('e');
  await page.waitForFunction(() => document.querySelector('[data-testid=detail]')?.getAttribute('data-id') === '4');
  await page.waitForFunction(() => !document.querySelector('[data-testid=mention][data-id="1"]'));

  // #: tag the selected mention.
  await page.keyboard.press('#');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'tag-input');
  await page.keyboard.type('rude staff');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=tag]')].map((t) => t.textContent).join(' ').includes('#staff'));
  await page.keyboard.press('Escape');

  // s then 1: snooze for an hour; it leaves the list.
  await page.locator('[data-testid=inbox]').click({ position: { x: 5, y: 5 } }).catch(() => {});
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('s');
  await page.getByTestId('snooze-menu').waitFor();
  await page.keyboard.press('1');
  await page.waitForFunction(() => !document.querySelector('[data-testid=mention][data-id="4"]'));
  const m4 = await page.evaluate(() => window.__earshotMock.mentions.find((m) => m.id === 4));
  assert.equal(m4.status, 'snoozed');
  assert.ok(m4.work.snooze_until > Date.now() / 1000 + 3500);
  assert.deepEqual(m4.work.tags, ['rude', 'staff']);

  // x selects for a bulk action; the bulk bar acts on all selected at once.
  await page.evaluate(() => document.activeElement?.blur());
  const before = await selectedId();
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.waitForFunction((b) => document.querySelector('[data-testid=detail]')?.getAttribute('data-id') !== b, before);
  await page.keyboard.press('x');
  await page.getByTestId('bulk').waitFor();
  assert.match(await page.getByTestId('bulk').textContent(), /2 selected/);
  await page.getByTestId('bulk-assign').selectOption('Sam');
  await page.waitForFunction(() => window.__earshotMock.actions.some((a) => a.action.kind === 'assign' && a.ids.length === 2));
  await page.getByTestId('bulk-done').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=bulk]'));
  const done = await page.evaluate(() => window.__earshotMock.mentions.filter((m) => m.status === 'done').map((m) => m.work.assignee ?? '-'));
  assert.deepEqual(done.sort(), ['-', 'Sam', 'Sam'], 'kestrel done earlier, the two selected done and assigned together');

  await page.keyboard.press('?');
  await page.getByTestId('shortcuts').waitFor();
  assert.match(await page.getByTestId('shortcuts').textContent(), /Snooze/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[data-testid=shortcuts]'));
  assert.deepEqual(errors, []);
});

test('a saved reply is found with Ctrl+K, its blanks filled, checked before sending, and the mention marked done', async () => {
  const { page, errors } = await open();
  // Jess on Mastodon, an angry complaint: the reply starts with her handle.
  await page.locator('[data-testid=mention][data-id="7"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=reply-text]')?.value === '@jess@mastodon.example ');
  await page.keyboard.press('r');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'reply-text');
  await page.keyboard.press('Control+k');
  await page.getByTestId('picker').waitFor();
  await page.keyboard.type('order');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=picker-item]').length === 1);
  await page.keyboard.press('Enter');
  await page.getByTestId('template-fields').waitFor();
  assert.match(await page.getByTestId('reply-text').inputValue(), /^@jess@mastodon\.example Hi Jess, I found order \{order\}/);
  // Sending with a blank left says so.
  await page.getByTestId('send-reply').click();
  await page.waitForFunction(() => /Fill in \{order\}/.test(document.querySelector('[data-testid=reply-error-banner]')?.textContent ?? ''));
  await page.locator('[data-testid=template-field][data-field=order]').fill('#A1234');
  await page.locator('[data-testid=template-field][data-field="what we are doing"]').fill('sent a new bag, call 0161 496 0000 with questions');
  assert.equal(await page.getByTestId('reply-text').inputValue(),
    '@jess@mastodon.example Hi Jess, I found order #A1234 and sent a new bag, call 0161 496 0000 with questions. Sorry for the trouble.');

  // The pre-send check: a phone number in public, into an angry thread.
  await page.getByTestId('send-reply').click();
  await page.getByTestId('presend').waitFor();
  assert.equal(await page.getByTestId('presend-angry').isVisible(), true);
  assert.deepEqual(await page.locator('[data-testid=presend-warning]').evaluateAll((els) => els.map((e) => e.dataset.kind)), ['phone']);
  assert.equal(await page.getByTestId('send-reply').isDisabled(), true, 'nothing goes out until the owner decides');
  await page.getByTestId('presend-send').click();
  await page.waitForFunction(() => window.__earshotMock.replies.length === 1 && window.__earshotMock.replies[0].state === 'sent');
  const m = await page.evaluate(() => window.__earshotMock.mentions.find((x) => x.id === 7));
  assert.equal(m.status, 'done', 'sending marks it done');
  assert.ok(m.work.first_response_at, 'and counts the first response');
  assert.equal(await page.evaluate(() => window.__earshotMock.saved.find((s) => s.name === 'Order problem').uses), 1);

  // Take it private: a public acknowledgement, then the composer switches to a private message.
  await page.locator('[data-testid=mention][data-id="6"]').click();
  await page.getByTestId('take-private').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=reply-private]')?.checked);
  const ack = await page.evaluate(() => window.__earshotMock.replies.at(-1));
  assert.equal(ack.private, false);
  assert.match(ack.body, /^Hi Dana, sorry to hear it\. I have sent you a private message/);
  assert.equal(await page.evaluate(() => window.__earshotMock.mentions.find((x) => x.id === 6).status), 'open', 'the acknowledgement alone does not close it: answered, so open');
  assert.deepEqual(errors, []);
});

test('a draft survives changes to its mention arriving from the engine', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention][data-id="7"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=reply-text]')?.value === '@jess@mastodon.example ');
  await page.getByTestId('reply-text').fill('@jess@mastodon.example half-written answer');
  // The mention changes while the owner types (a helper tags it): the pane shows the change and
  // the draft stays.
  await page.evaluate(() => {
    const mock = window.__earshotMock;
    const m = structuredClone(mock.mentions.find((x) => x.id === 7));
    m.engagement.likes = (m.engagement.likes ?? 0) + 1;
    m.work.tags = [...m.work.tags, 'vip'];
    mock.emit({ type: 'mention_updated', mention: m });
  });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=tag]')].some((t) => t.textContent.includes('#vip')));
  assert.equal(await page.getByTestId('reply-text').inputValue(), '@jess@mastodon.example half-written answer');
  assert.deepEqual(errors, []);
});

test('Hacker News is marked answered, which stops its clock; notes are kept', async () => {
  const { page } = await open();
  await page.locator('[data-testid=mention][data-id="3"]').click();
  await page.getByTestId('mark-answered').click();
  await page.waitForFunction(() => window.__earshotMock.mentions.find((x) => x.id === 3).work.first_response_at);
  await page.getByTestId('note-input').fill('Replied on HN from my account');
  await page.getByTestId('note-add').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=note]').length === 1);
  assert.match(await page.getByTestId('note').textContent(), /Replied on HN/);
});

test('the dashboard draws its charts from the report and exports CSV', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.evaluate(async () => {
    const mock = window.__earshotMock;
    const t = Math.floor(Date.now() / 1000);
    mock.mentions[0].work.first_response_at = mock.mentions[0].created_at + 600;
    mock.mentions[1].work.first_response_at = mock.mentions[1].created_at + 1800;
    void t;
  });
  await page.getByTestId('open-dashboard').click();
  await page.getByTestId('dashboard').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=chart-volume] canvas').length > 0 && document.querySelectorAll('[data-testid=chart-mood] canvas').length > 0);
  assert.match(await page.getByTestId('kpi-frt').textContent(), /10 min/);
  assert.match(await page.getByTestId('kpi-frt').textContent(), /p90 30 min/);
  assert.match(await page.getByTestId('kpi-volume').textContent(), /^7/);
  assert.match(await page.getByTestId('reasons').textContent(), /refund/);
  assert.equal(await page.locator('[data-testid=busiest] td').count(), 7 * 24);
  await page.getByTestId('dash-range').selectOption('30');
  await page.waitForFunction(() => window.__earshotMock.reports.length === 2);
  const [a, b] = await page.evaluate(() => window.__earshotMock.reports);
  assert.equal(Math.round((b.until - b.since) / 86400), 30);
  assert.equal(Math.round((a.until - a.since) / 86400), 7);
  await page.getByTestId('dash-export').click();
  await page.getByTestId('dash-saved').waitFor();
  assert.match(await page.getByTestId('dash-saved').textContent(), /earshot-mentions\.csv/);
  assert.deepEqual(errors, []);
});

test('the dashboard reads at a glance: distinct channel colours, named legends, one tone axis, hour labels, a folder to open', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.getByTestId('open-dashboard').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=chart-mood] canvas').length > 0);
  const legend = await page.locator('[data-testid=chart-volume] .u-legend, [data-testid=chart-mood] .u-legend').allTextContents();
  assert.ok(legend.every((l) => !/--|Time/.test(l)), `no empty values in the legends: ${legend.join(' | ')}`);
  const colors = await page.locator('[data-testid=chart-volume] .u-legend .u-series:not(:first-child) .u-marker').evaluateAll((els) => els.map((e) => getComputedStyle(e).borderColor));
  // Hue, saturation and lightness of a CSS colour: two saturated lines need hues 40° apart.
  const hsl = (c) => {
    const [r, g, b] = c.match(/\d+/g).slice(0, 3).map((v) => Number(v) / 255);
    const max = Math.max(r, g, b), min = Math.min(r, g, b), l = (max + min) / 2, d = max - min;
    const sat = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
    const h = d === 0 ? 0 : max === r ? 60 * (((g - b) / d) % 6) : max === g ? 60 * ((b - r) / d + 2) : 60 * ((r - g) / d + 4);
    return [(h + 360) % 360, sat, l];
  };
  assert.ok(colors.length >= 3, colors.join(' '));
  for (let i = 0; i < colors.length; i++) for (let j = i + 1; j < colors.length; j++) {
    const [a, b] = [hsl(colors[i]), hsl(colors[j])];
    const hue = Math.min(Math.abs(a[0] - b[0]), 360 - Math.abs(a[0] - b[0]));
    const apart = (a[1] > 0.25 && b[1] > 0.25) ? hue >= 40 : Math.abs(a[2] - b[2]) > 0.1 || Math.abs(a[1] - b[1]) > 0.3;
    assert.ok(apart, `channel colours ${colors[i]} and ${colors[j]} are too alike`);
  }
  assert.equal(await page.locator('[data-testid=chart-mood] .u-axis').count(), 2, 'one day axis and one count axis');
  const hours = await page.getByTestId('busiest-hour').allTextContents();
  assert.equal(hours.length, 24);
  assert.deepEqual([hours[0], hours[9], hours[21]], ['00', '09', '21']);
  assert.match(await page.getByTestId('kpi-resolution').textContent(), /done after an answer/);
  await page.getByTestId('dash-export').click();
  await page.getByTestId('dash-show').click();
  await page.waitForFunction(() => window.__earshotMock.revealed.length === 1);
  assert.match(await page.getByTestId('dash-saved').textContent(), /^Saved earshot-mentions\.csv and earshot-figures\.csv in \/mock\/Downloads/);
  assert.deepEqual(errors, []);
});

test('settings keep saved replies, response targets and helpers', async () => {
  const { page } = await open();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('saved-new').click();
  await page.getByTestId('saved-name').fill('sorry, we will FIX it');
  await page.getByTestId('saved-body').fill('dup');
  await page.getByTestId('saved-save').click();
  await page.getByTestId('queue-error').waitFor();
  assert.match(await page.getByTestId('queue-error').textContent(), /already exists/);
  await page.getByTestId('saved-name').fill('Opening hours');
  await page.getByTestId('saved-body').fill('Hi {author}, we open at {time}.');
  await page.getByTestId('saved-save').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=saved-reply]')].some((l) => l.textContent.includes('blanks: time')));

  await page.getByTestId('target-urgent').fill('10');
  await page.locator('[data-testid=day-open]').nth(5).check();
  await page.getByTestId('targets-save').click();
  await page.getByTestId('queue-note').waitFor();
  const t = await page.evaluate(() => window.__earshotMock.targets);
  assert.equal(t.urgent_mins, 10);
  assert.equal(t.hours.days[5], '09:00-17:00', 'Saturday opened with default hours');
  assert.equal(t.hours.days[6], 'closed');
  await page.getByTestId('target-zone').fill('Not a zone!');
  await page.getByTestId('targets-save').click();
  await page.waitForFunction(() => /time zone/.test(document.querySelector('[data-testid=queue-error]')?.textContent ?? ''));

  await page.getByTestId('helpers').fill('Sam, Priya , ');
  await page.getByTestId('helpers-save').click();
  await page.waitForFunction(() => window.__earshotMock.helpers.join('|') === 'Sam|Priya');
});

test('a database that cannot be opened shows what happened and restores the newest good backup', async () => {
  const { page, errors } = await open('?problem=damaged');
  await page.getByTestId('recovery').waitFor();
  assert.match(await page.getByTestId('recovery-message').textContent(), /damaged/);
  assert.equal(await page.getByTestId('recovery-folder').textContent(), '/mock');
  assert.equal(await page.locator('[data-testid=mention]').count(), 0, 'no inbox while the database is unusable');
  for (const id of ['recovery-restore', 'recovery-folder-open', 'recovery-quit']) {
    assert.ok(await page.getByTestId(id).isVisible(), `${id} is offered`);
  }
  await page.getByTestId('recovery-restore').click();
  await page.locator('[data-testid=mention]').first().waitFor();
  assert.equal(await page.getByTestId('recovery').count(), 0, 'the inbox takes the window after the restore');
  assert.equal(await page.evaluate(() => window.__earshotMock.restored), 1);
  assert.deepEqual(errors, []);
});

test('start at login is a switch in settings', async () => {
  const { page } = await open();
  await page.getByTestId('open-settings').click();
  const box = page.getByTestId('autostart');
  await page.waitForFunction(() => !document.querySelector('[data-testid=autostart]')?.disabled);
  assert.equal(await box.isChecked(), false);
  await box.check();
  await page.waitForFunction(() => window.__earshotMock.autostart === true);
  await box.uncheck();
  await page.waitForFunction(() => window.__earshotMock.autostart === false);
});

test('the author panel shows how their reach changed', async () => {
  const { page } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.evaluate(() => {
    const author = (followers) => ({ handle: 'grower.bsky.social', display_name: null, profile_url: null, followers, karma: null });
    const t = Math.floor(Date.now() / 1000);
    window.__earshotMock.addMention({ channel: 'bluesky', author: author(100), created_at: t - 86400, text: 'Brightside is nice', triage: { urgency: 5, sentiment: 0.2, reasons: [] } });
    window.__earshotMock.addMention({ channel: 'bluesky', author: author(5000), created_at: t, text: 'Brightside again, still great', triage: { urgency: 99, sentiment: 0.4, reasons: ['author has 5k followers'] } });
  });
  await page.waitForFunction(() => document.querySelector('[data-testid=mention-author]')?.textContent?.includes('grower'));
  await page.locator('[data-testid=mention]').first().click();
  await page.getByTestId('author-reach').waitFor();
  assert.match(await page.getByTestId('author-reach').textContent(), /Bluesky: 100 → 5,000 followers since/);
});

test('the author panel refreshes a Bluesky author\'s reach on request', async () => {
  const { page } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.evaluate(() => {
    const m = window.__earshotMock;
    m.reachNow['riser.bsky.social'] = 48000;
    m.addMention({ channel: 'bluesky', author: { handle: 'riser.bsky.social', display_name: null, profile_url: null, followers: 120, karma: null }, text: 'Brightside cortado is great', triage: { urgency: 99, sentiment: 0.5, reasons: [] } });
  });
  await page.waitForFunction(() => document.querySelector('[data-testid=mention-author]')?.textContent?.includes('riser'));
  await page.locator('[data-testid=mention]').first().click();
  await page.getByTestId('author-panel').waitFor();
  assert.doesNotMatch(await page.getByTestId('author-panel').textContent(), /48/);
  await page.getByTestId('author-refresh').click();
  await page.waitForFunction(() => /48(k|,000) followers/.test(document.querySelector('[data-testid=author-panel]')?.textContent ?? ''));
});

test('a refused login says so with a "Log in again" button that opens Settings', async () => {
  const { page } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.evaluate(() => {
    const m = window.__earshotMock;
    m.sessionExpired = true;
    m.addMention({ channel: 'bluesky', author: { handle: 'late.bsky.social', display_name: null, profile_url: null, followers: 120, karma: null }, text: 'Brightside flat white', triage: { urgency: 99, sentiment: 0.5, reasons: [] } });
  });
  await page.waitForFunction(() => document.querySelector('[data-testid=mention-author]')?.textContent?.includes('late'));
  await page.locator('[data-testid=mention]').first().click();
  await page.getByTestId('author-refresh').click();
  const note = page.getByTestId('detail-error');
  await note.waitFor();
  // The UI acts on the code: the button is there because the code is needs_login.
  assert.equal(await note.getAttribute('data-code'), 'needs_login');
  await page.getByTestId('detail-error-login').click();
  await page.getByTestId('settings').waitFor();
});

test('a saved reply greets a person by first name and anyone else by handle, never "Hi The,"', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.evaluate(() => {
    window.__earshotMock.addMention({ channel: 'bluesky', author: { handle: '@foodcritic.bsky.social', display_name: 'The Food Critic', profile_url: null, followers: 182000, karma: null }, text: 'Brightside served me cold coffee', triage: { urgency: 99, sentiment: -0.6, reasons: [] } });
  });
  await page.waitForFunction(() => document.querySelector('[data-testid=mention-author]')?.textContent?.includes('foodcritic'));
  await page.locator('[data-testid=mention]').first().click();
  await page.getByTestId('take-private').click();
  await page.waitForFunction(() => window.__earshotMock.replies.length === 1);
  const ack = await page.evaluate(() => window.__earshotMock.replies.at(-1));
  assert.match(ack.body, /^Hi @foodcritic\.bsky\.social, sorry to hear it/, 'a name that is not a person\'s is not cut to its first word');
  assert.deepEqual(errors, []);
});

/** Whether two elements' boxes overlap on screen. */
async function overlap(a, b) {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  return !(x.x + x.width <= y.x || y.x + y.width <= x.x || x.y + x.height <= y.y || y.y + y.height <= x.y);
}

test("settings rows show every action side by side: an account's Log out and Remove, a saved reply's Edit and Delete", async () => {
  const { page, errors } = await open();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('bluesky-handle').fill('owner.bsky.social');
  await page.getByTestId('bluesky-password').fill('app-pass-word');
  await page.getByTestId('bluesky-login').click();
  await page.getByTestId('account-note').waitFor();
  const logOut = page.getByRole('button', { name: /^Log out of / }).first();
  const remove = page.getByRole('button', { name: /^Remove Bluesky/ }).first();
  await logOut.scrollIntoViewIfNeeded();
  assert.ok(await logOut.isVisible() && await remove.isVisible(), 'both buttons are shown');
  assert.equal(await overlap(logOut, remove), false, 'Log out is not under Remove');

  const edit = page.getByRole('button', { name: /^Edit / }).first();
  const del = page.getByRole('button', { name: /^Delete / }).first();
  await edit.scrollIntoViewIfNeeded();
  assert.equal(await overlap(edit, del), false, 'Edit is not under Delete');
  const name = (await edit.getAttribute('aria-label')).replace(/^Edit /, '');
  await edit.click();
  assert.equal(await page.getByTestId('saved-name').inputValue(), name, 'Edit opens that saved reply');
  assert.deepEqual(errors, []);
});

test('settings say what went wrong beside what failed, and a refused save takes back "Saved"', async () => {
  const { page, errors } = await open();
  await page.getByTestId('open-settings').click();
  const business = page.getByTestId('settings-business');
  await business.getByTestId('save-business').click();
  await page.getByTestId('business-saved').waitFor();

  const name = business.getByLabel('Name');
  await name.fill('   ');
  await business.getByTestId('save-business').click();
  const problem = business.getByTestId('settings-error');
  await problem.waitFor();
  assert.match(await problem.textContent(), /needs a name/);
  assert.doesNotMatch(await problem.textContent(), /invalid input/, 'in words for the owner');
  assert.equal(await page.getByTestId('business-saved').count(), 0, 'no "Saved" beside a refusal');

  await name.fill('B'.repeat(400));
  await business.getByTestId('save-business').click();
  await page.waitForFunction(() => /400 characters/.test(document.querySelector('[data-section=business]')?.textContent ?? ''));

  await name.fill('Brightside Coffee');
  await business.getByLabel('Terms').fill(', , ,');
  await business.getByTestId('save-business').click();
  await page.waitForFunction(() => /only commas/.test(document.querySelector('[data-section=business]')?.textContent ?? ''));
  assert.equal(await page.getByTestId('business-saved').count(), 0, 'the terms were not wiped');

  // A bad feed address is refused under the Add form, in the Sources section, in view.
  const sources = page.getByTestId('settings-sources');
  await page.getByTestId('add-source-url').fill('ftp://nope');
  await page.getByTestId('add-source').click();
  const refused = sources.getByTestId('settings-error');
  await refused.waitFor();
  assert.match(await refused.textContent(), /http or https/);
  const form = await page.getByTestId('add-source').boundingBox();
  const said = await refused.boundingBox();
  assert.ok(said.y >= form.y && said.y - (form.y + form.height) < 80, `the error sits right under the form (${form.y} → ${said.y})`);
  assert.equal(await business.getByTestId('settings-error').count(), 1, 'each section keeps its own error');
  assert.deepEqual(errors, []);
});

test('response clocks count whole minutes, never seconds', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  const labels = await page.getByTestId('mention-due').allTextContents();
  assert.ok(labels.length > 0, 'rows show their response clock');
  assert.ok(labels.every((l) => !/\d+ s\b/.test(l)), `no seconds: ${labels.join(' | ')}`);
  // The mock's mention 6 is due the moment the page opens.
  assert.ok(labels.some((l) => /^(due now|due in 1 min)$/.test(l)), labels.join(' | '));
  assert.deepEqual(errors, []);
});

test('an at-risk mention above a higher urgency says why it is there', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.evaluate(() => {
    const m = window.__earshotMock.mentions.find((x) => x.id === 7);
    m.work.at_risk = true;
    m.work.due_at = Math.floor(Date.now() / 1000) + 270;
  });
  await page.getByTestId('order-newest').check();
  await page.getByTestId('order-urgent').check();
  await page.waitForFunction(() => document.querySelector('[data-testid=mention]')?.getAttribute('data-id') === '7');
  const [first, second] = await page.locator('[data-testid=mention]').evaluateAll((els) => els.slice(0, 2).map((e) => Number(e.dataset.urgency)));
  assert.ok(first < second, `the at-risk one (${first}) sits above a higher urgency (${second})`);
  const badge = page.locator('[data-testid=mention][data-id="7"] [data-testid=mention-due]');
  assert.match(await badge.textContent(), /^⚑ at risk · due in \d+ min$/);
  assert.match(await badge.getAttribute('title'), /listed above higher urgencies/);
  assert.equal(await page.getByTestId('order-urgent-hint').textContent(), '(at risk on top)');
  assert.deepEqual(errors, []);
});

test('snooze until a time of the owner\'s choosing; a past time is not offered', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention][data-id="4"]').click();
  await page.getByTestId('detail').waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('s');
  await page.getByTestId('snooze-menu').waitFor();
  const local = (ms) => { const d = new Date(ms); const p = (n) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`; };
  await page.getByTestId('snooze-at').fill(local(Date.now() - 3600_000));
  assert.equal(await page.getByTestId('snooze-custom').isDisabled(), true, 'an hour ago cannot be chosen');
  const target = Date.now() + 5 * 3600_000;
  await page.getByTestId('snooze-at').fill(local(target));
  await page.getByTestId('snooze-custom').click();
  await page.waitForFunction(() => window.__earshotMock.mentions.find((m) => m.id === 4).status === 'snoozed');
  const until = await page.evaluate(() => window.__earshotMock.mentions.find((m) => m.id === 4).work.snooze_until);
  assert.ok(Math.abs(until - Math.floor(target / 60_000) * 60) < 61, `snoozed to the minute chosen (${until})`);
  assert.deepEqual(errors, []);
});

test('sources are added and changed from the app with their options, checked first, and a duplicate is refused', async () => {
  const { page, errors } = await open();
  await page.getByTestId('open-settings').click();
  const form = page.getByTestId('source-form');
  // Mastodon hashtags without an account: checked, then added with its options.
  await page.getByTestId('source-kind').selectOption('mastodon');
  await page.getByTestId('add-source-url').fill('mastodon.social');
  await page.getByTestId('source-words').fill('#brightside, brightside coffee');
  await page.getByTestId('source-minutes').fill('10');
  await page.getByTestId('source-check').click();
  await page.getByTestId('source-check-result').waitFor();
  assert.match(await page.getByTestId('source-check-result').textContent(), /Found 4 posts, 2 naming your business/);
  assert.equal(await page.evaluate(() => window.__earshotMock.sources.length), 2, 'a check saves nothing');
  await form.getByTestId('add-source').click();
  await page.getByTestId('source-note').waitFor();
  assert.match(await page.getByTestId('source-note').textContent(), /Listening to Mastodon \(mastodon\.social\)/);
  const added = await page.evaluate(() => window.__earshotMock.sources.at(-1).spec);
  assert.deepEqual([added.kind, added.base_url, added.queries, added.interval_secs, added.require_match],
    ['mastodon', 'https://mastodon.social', ['#brightside', 'brightside coffee'], 600, true]);
  // The same feed as "Reviews" under another name: refused, in words.
  await page.getByTestId('source-kind').selectOption('rss');
  await page.getByTestId('source-name').fill('Reviews again');
  await page.getByTestId('add-source-url').fill('https://reviews.example.com/feed.xml/');
  await form.getByTestId('add-source').click();
  const refused = page.getByTestId('settings-sources').getByTestId('settings-error');
  await refused.waitFor();
  assert.match(await refused.textContent(), /“Reviews” already listens to this/);
  // Changing "Reviews": its options, the same source.
  await page.locator('[data-testid=source-edit][aria-label="Change Reviews"]').click();
  assert.equal(await page.getByTestId('source-editing').textContent(), 'Reviews');
  assert.equal(await page.getByTestId('add-source-url').inputValue(), 'https://reviews.example.com/feed.xml');
  assert.equal(await page.getByTestId('source-require').isChecked(), false, 'it keeps every post, as saved');
  await page.getByTestId('source-minutes').fill('30');
  await form.getByTestId('add-source').click();
  await page.waitForFunction(() => /Saved Reviews/.test(document.querySelector('[data-testid=source-note]')?.textContent ?? ''));
  const reviews = await page.evaluate(() => window.__earshotMock.sources.filter((s) => s.spec.name === 'Reviews'));
  assert.equal(reviews.length, 1);
  assert.equal(reviews[0].spec.interval_secs, 1800);
  assert.match(await page.locator('[data-testid=source]', { hasText: 'Reviews' }).textContent(), /every 30 min · every post kept/);
  assert.deepEqual(errors, []);
});

test('response targets say their minutes as a person would: 1440 min is 24 h', async () => {
  const { page, errors } = await open();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('target-low-said').waitFor();
  assert.equal(await page.getByTestId('target-low-said').textContent(), '(24 h)');
  assert.equal(await page.getByTestId('target-normal-said').textContent(), '(1 h)');
  assert.equal(await page.getByTestId('target-urgent-said').count(), 0, '15 min needs no translation');
  await page.getByTestId('target-urgent').fill('90');
  await page.waitForFunction(() => document.querySelector('[data-testid=target-urgent-said]')?.textContent === '(1 h 30 min)');
  assert.deepEqual(errors, []);
});

test("dates are written the system's way to the minute, and the time zone is picked from a list", async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention]').first().click();
  const when = await page.getByTestId('detail-time').textContent();
  assert.doesNotMatch(when, /\d:\d\d:\d\d/, `no seconds: ${when}`);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('target-zone').waitFor();
  assert.equal(await page.getByTestId('target-zone').getAttribute('list'), 'time-zones');
  const zones = await page.locator('[data-testid=time-zones] option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(zones.includes('Europe/Paris') && zones.includes('America/New_York'), `${zones.length} zones`);
  assert.deepEqual(errors, []);
});

test('a mention answered from Earshot is marked Replied and becomes Open in the list', async () => {
  const { page, errors } = await open();
  const row = page.locator('[data-testid=mention][data-id="6"]');
  await row.click();
  assert.equal(await row.getByTestId('mention-replied').count(), 0, 'not answered yet');
  await page.getByTestId('reply-text').waitFor();
  await page.getByTestId('mark-done-on-send').uncheck();
  await page.getByTestId('reply-text').fill('Yes, oat milk is back!');
  await page.getByTestId('send-reply').click();
  await row.getByTestId('mention-replied').waitFor();
  assert.equal(await row.getAttribute('data-status'), 'open', 'answered, not done: Open');
  assert.deepEqual(errors, []);
});

test('every change of state can be undone for a moment: Done from the keyboard, and a bulk snooze with Ctrl+Z', async () => {
  const { page, errors } = await open();
  const status = (id) => page.evaluate((i) => window.__earshotMock.mentions.find((x) => x.id === i).status, id);
  const first = page.locator('[data-testid=mention]').first();
  await first.click();
  const id = Number(await first.getAttribute('data-id'));
  const was = await status(id);
  await page.keyboard.press('e');
  await page.getByTestId('undo-toast').waitFor();
  assert.match(await page.getByTestId('undo-toast').textContent(), /Marked done/);
  assert.equal(await status(id), 'done');
  await page.getByTestId('undo').click();
  await page.waitForFunction(([i, w]) => window.__earshotMock.mentions.find((x) => x.id === i).status === w, [id, was]);
  await page.locator(`[data-testid=mention][data-id="${id}"]`).waitFor();
  assert.equal(await page.getByTestId('undo-toast').count(), 0, 'the toast goes once used');

  // Two checked, snoozed an hour, then Ctrl+Z: both as they were.
  const rows = page.locator('[data-testid=mention]');
  const ids = [Number(await rows.nth(0).getAttribute('data-id')), Number(await rows.nth(1).getAttribute('data-id'))];
  const before = [await status(ids[0]), await status(ids[1])];
  await page.locator('[data-testid=mention-check]').nth(0).check();
  await page.locator('[data-testid=mention-check]').nth(1).check();
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('s');
  await page.getByTestId('snooze-menu').waitFor();
  await page.keyboard.press('1');
  await page.waitForFunction(() => /Snoozed \(2\)/.test(document.querySelector('[data-testid=undo-toast]')?.textContent ?? ''));
  assert.deepEqual([await status(ids[0]), await status(ids[1])], ['snoozed', 'snoozed']);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(([a, b, wa, wb]) => {
    const s = (i) => window.__earshotMock.mentions.find((x) => x.id === i).status;
    return s(a) === wa && s(b) === wb;
  }, [ids[0], ids[1], before[0], before[1]]);
  assert.deepEqual(errors, []);
});

test('a row says its network and kind as words apart ("Email private message")', async () => {
  const { page, errors } = await open('?pages');
  await page.locator('[data-testid=mention][data-id="11"]').waitFor();
  assert.equal(await page.locator('[data-testid=mention][data-id="11"] [data-testid=mention-channel]').textContent(), 'Email private message');
  assert.deepEqual(errors, []);
});

test('settings have a section menu: one click brings a section into view with the focus on its heading', async () => {
  const { page, errors } = await open('', { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('open-settings').click();
  const labels = await page.getByTestId('settings-go').allTextContents();
  assert.deepEqual(labels, ['Business', 'Sources', 'Accounts', 'This computer', 'Notifications', 'Team', 'Appearance', 'Saved replies', 'Targets', 'Helpers']);
  await page.locator('[data-testid=settings-go]', { hasText: 'Helpers' }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Helpers');
  const [nav, heading, box] = await page.evaluate(() => [document.querySelector('[data-testid=settings-nav]').getBoundingClientRect().bottom,
    document.querySelector('#helpers h3').getBoundingClientRect().top, document.querySelector('[data-testid=settings]').getBoundingClientRect().bottom]);
  assert.ok(heading >= nav - 1 && heading < box, `the heading shows below the menu (${nav} ≤ ${heading} < ${box})`);
  assert.deepEqual(errors, []);
});

test('the three panes fill the window whether banners show or not', async () => {
  const bottoms = (page) => page.evaluate(() => ['inbox'].map((id) => Math.round(document.querySelector(`[data-testid=${id}]`).getBoundingClientRect().bottom))
    .concat([Math.round(document.querySelector('.filters').getBoundingClientRect().bottom), Math.round(document.querySelector('.pane').getBoundingClientRect().bottom), innerHeight]));
  // With a banner (a source in error).
  const { page } = await open('', { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('health-banner').waitFor();
  assert.deepEqual(await bottoms(page), [800, 800, 800, 800]);
  // Without any banner: the panes used to stop at their content's height.
  const fresh = (await open('?fresh', { viewport: { width: 1280, height: 800 } })).page;
  await fresh.getByTestId('ob-name').fill('Brightside Coffee');
  await fresh.getByTestId('ob-next').click();
  await fresh.getByTestId('ob-submit').click();
  await fresh.getByTestId('inbox').waitFor();
  assert.equal(await fresh.locator('.banner').count(), 0);
  assert.deepEqual(await bottoms(fresh), [800, 800, 800, 800]);
});

test("at the window's smallest size (tauri.conf.json) nothing is cut off and the list still shows rows", async () => {
  const conf = JSON.parse(await readFile(new URL('../../src-tauri/tauri.conf.json', import.meta.url), 'utf8'));
  const { minWidth: width, minHeight: height } = conf.app.windows[0];
  const { page } = await open('', { viewport: { width, height } });
  await page.locator('[data-testid=mention]').first().click();
  await page.getByTestId('detail').waitFor();
  const cut = await page.evaluate(() => [...document.querySelectorAll('button, select, input, [data-testid=unread-urgent]')]
    .filter((el) => { const b = el.getBoundingClientRect(); return b.width > 0 && (b.right > innerWidth + 0.5 || b.left < -0.5); })
    .map((el) => el.getAttribute('data-testid') || el.textContent.trim().slice(0, 20)));
  assert.deepEqual(cut, [], `${width}×${height}: controls past the window's edge`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
  assert.ok(await page.locator('[data-testid=mention]').count() >= 5, 'the list shows several rows');
});

test('a Facebook comment and a Google review show what they are, what they belong to, and take moderation', async () => {
  const { page, errors } = await open('?pages');
  await page.locator('[data-testid=mention][data-id="9"]').waitFor();
  const kinds = await page.locator('[data-testid=mention-kind]').allTextContents();
  assert.ok(kinds.includes('comment') && kinds.includes('review ★☆☆☆☆'), `kinds: ${kinds}`);

  await page.locator('[data-testid=mention][data-id="8"]').click();
  await page.getByTestId('detail-post').waitFor();
  assert.match(await page.getByTestId('detail-post').textContent(), /^On: Our autumn menu/);
  assert.equal(await page.getByTestId('detail-kind').textContent(), 'comment');
  await page.getByTestId('hide-comment').click();
  await page.getByTestId('detail-hidden').waitFor();
  await page.locator('[data-testid=mention][data-id="8"] [data-testid=mention-hidden]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__earshotMock.hides), [{ id: 8, hidden: true }]);
  await page.getByTestId('unhide-comment').click();
  await page.getByTestId('hide-comment').waitFor();

  await page.locator('[data-testid=mention][data-id="9"]').click();
  await page.getByTestId('detail-owner-reply').waitFor();
  assert.match(await page.getByTestId('detail-post').textContent(), /^Of: Brightside Coffee — Division St/);
  assert.equal(await page.getByTestId('hide-comment').count(), 0, 'a review cannot be hidden');
  await page.getByTestId('delete-review-reply').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=detail-owner-reply]'));
  // Google takes public replies only: the composer offers no private reply.
  assert.equal(await page.getByTestId('reply-private').count(), 0);
  assert.deepEqual(errors, []);
});

test('Facebook logs in with a device code and a Page chooser; Google with its sign-in', async () => {
  const { page, errors } = await open();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('facebook-app').fill('not an app');
  await page.getByTestId('facebook-login').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=settings-error][data-section=accounts]')?.textContent.includes('#190'));

  await page.getByTestId('facebook-app').fill('1234567890|clienttoken');
  await page.getByTestId('facebook-login').click();
  await page.getByTestId('facebook-code').waitFor();
  assert.equal(await page.getByTestId('facebook-user-code').textContent(), 'BRIGHT42');
  // The owner approves on their phone.
  await page.evaluate(() => { window.__earshotMock.facebook.at(-1).approved = true; });
  await page.getByTestId('facebook-pages').waitFor();
  assert.equal(await page.getByTestId('facebook-page').count(), 2);
  assert.ok(await page.getByTestId('facebook-instagram').isChecked(), 'its Instagram account is offered');
  await page.getByTestId('facebook-choose').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=account-note]')?.textContent.includes('Instagram (@brightsidecoffee)'));
  const names = await page.locator('[data-testid=source] strong').allTextContents();
  assert.ok(names.includes('Facebook (Brightside Coffee)') && names.includes('Instagram (@brightsidecoffee)'), `${names}`);

  await page.getByTestId('google-client').fill('owner-client.apps.googleusercontent.com');
  await page.getByTestId('google-login').click();
  await page.getByTestId('google-pending').waitFor();
  await page.getByTestId('google-code').fill('http://127.0.0.1:4711/callback?code=4/abc&state=s');
  await page.getByTestId('google-pending').getByRole('button', { name: 'Finish' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=source] strong')].some((e) => e.textContent === 'Google reviews (Brightside Coffee)'));
  // The same client signs in to the YouTube channel.
  await page.getByTestId('google-client').fill('owner-client.apps.googleusercontent.com');
  await page.getByTestId('youtube-login').click();
  await page.getByTestId('google-pending').waitFor();
  await page.getByTestId('google-code').fill('http://127.0.0.1:4711/callback?code=4/yt&state=s');
  await page.getByTestId('google-pending').getByRole('button', { name: 'Finish' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=source]')].some((e) => e.textContent.includes('YouTube (Brightside Coffee)') && e.textContent.includes('comments on your channel')));
  assert.deepEqual(errors, []);
});

test('a login that ends soon warns in the banner while the source still works', async () => {
  const { page, errors } = await open();
  await page.locator('[data-testid=mention]').first().waitFor();
  await page.evaluate(() => {
    const m = window.__earshotMock;
    m.sources.push({ id: 9, spec: { kind: 'facebook', name: 'Facebook (Brightside Coffee)', url: null, queries: [], base_url: null, account: '104', interval_secs: null, require_match: null },
      enabled: true, cursor: null, health: { state: 'ok', at: Math.floor(Date.now() / 1000), detail: 'rate budget 12% used', warning: 'Facebook login expires in 5 days — renew' } });
    m.emit({ type: 'source_health', source_id: 9, health: m.sources.at(-1).health });
  });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=health-line]')].some((e) => e.textContent.includes('expires in 5 days — renew')));
  const line = await page.locator('[data-testid=health-line]').filter({ hasText: 'Facebook' }).textContent();
  assert.match(line, /Facebook \(Brightside Coffee\): Facebook login expires in 5 days — renew · rate budget 12% used/);
  assert.deepEqual(errors, []);
});

test('Reddit is added with its subreddits and words, then logged in for the inbox and replies', async () => {
  const { page, errors } = await open();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('reddit-where').fill('r/Portland, r/Coffee, Brightside Coffee');
  await page.getByTestId('reddit-client').fill('myRedditApp');
  await page.getByTestId('reddit-add').click();
  await page.getByTestId('reddit-pending').waitFor();
  const reddit = page.locator('[data-testid=source]').filter({ hasText: 'Reddit' });
  assert.match(await reddit.textContent(), /r\/Portland, r\/Coffee, Brightside Coffee.*log in for your inbox/);
  await page.getByTestId('reddit-code').fill('http://127.0.0.1:65010/callback?state=s&code=abc');
  await page.getByTestId('reddit-pending').getByRole('button', { name: 'Finish' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=source]')].some((e) => e.textContent.includes('@brightsidecoffee') && e.textContent.includes('your inbox')));
  assert.deepEqual(errors, []);
});

test('an X post that the API cannot answer says why and offers the browser, with the reply copied', async () => {
  const { page, errors } = await open('?pages');
  await page.locator('[data-testid=mention][data-id="10"]').click();
  await page.getByTestId('reply-elsewhere').waitFor();
  assert.match(await page.getByTestId('reply-elsewhere').textContent(), /only to posts that mention or quote your account.*A private message can still be sent/);
  assert.equal(await page.getByTestId('send-reply').count(), 0, 'no Reply button that X would refuse');
  await page.getByTestId('reply-text').fill('Sorry the visit was slow, we would love to make it up to you.');
  await page.getByTestId('open-elsewhere').click();
  await page.waitForFunction(() => window.__earshotMock.opened.includes(10));
  // A private message stays possible from here.
  await page.getByTestId('reply-private').check();
  await page.getByTestId('send-reply').waitFor();
  assert.deepEqual(errors, []);
});

test('X logs in with the owner app and a monthly read cap; Settings shows what the schedule costs', async () => {
  const { page, errors } = await open();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('x-client').fill('myXApp');
  await page.getByTestId('x-cap').fill('5000');
  await page.getByTestId('x-login').click();
  await page.getByTestId('x-pending').waitFor();
  await page.getByTestId('x-code').fill('http://127.0.0.1:65011/callback?state=s&code=c');
  await page.getByTestId('x-pending').getByRole('button', { name: 'Finish' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=source]')].some((e) => e.textContent.includes('X (@brightsidecoffee)')));
  const line = await page.locator('[data-testid=source]').filter({ hasText: 'X (@brightsidecoffee)' }).textContent();
  assert.match(line, /about 5,760 requests a month · pauses at 5,000 posts read/);

  // A plan with the filtered stream: the app's bearer token, refused when X refuses it.
  await page.getByTestId('x-bearer').fill('not-this-one');
  await page.getByTestId('x-stream').click();
  await page.getByTestId('settings-error').waitFor();
  assert.match(await page.getByTestId('settings-error').textContent(), /attached to a Project/);
  assert.equal(await page.getByTestId('x-bearer').inputValue(), '', 'the token is not kept in the form');
  await page.getByTestId('x-bearer').fill('app-bearer');
  await page.getByTestId('x-stream').click();
  await page.getByTestId('account-note').waitFor();
  assert.match(await page.getByTestId('account-note').textContent(), /now streams/);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=source]')].some((e) => e.textContent.includes('X (@brightsidecoffee)') && e.textContent.includes('filtered stream')));
  assert.deepEqual(errors, []);
});

test('rows are recognisable at a glance: the network\'s mark, who and when on one line; compact shows twice as many and is remembered', async () => {
  const { page, errors } = await open('', { viewport: { width: 1280, height: 800 } });
  await page.locator('[data-testid=mention]').first().waitFor();
  // Every row carries its network's mark, named for a pointer and for screen readers.
  const nets = await page.locator('[data-testid=mention-net]').evaluateAll((els) => els.map((e) => [e.className, e.getAttribute('title')]));
  assert.ok(nets.length >= 5);
  for (const [cls, title] of nets) assert.ok(/net-\w+/.test(cls) && title, `${cls} ${title}`);
  // Author, reach, intent, channel and time share the first line, whatever the handle's length.
  const oneLine = () => page.locator('[data-testid=mention]').evaluateAll((rows) => rows.map((r) => {
    const top = (sel) => r.querySelector(sel)?.getBoundingClientRect().top;
    const a = top('[data-testid=mention-author]'), n = top('[data-testid=mention-net]'), w = top('.when');
    const end = r.getBoundingClientRect().right, right = r.querySelector('.when').getBoundingClientRect().right;
    return Math.abs(a - w) < 6 && Math.abs(a - n) < 6 && right <= end;
  }));
  assert.ok((await oneLine()).every(Boolean), 'one line each');
  const visible = () => page.locator('[data-testid=mention]').evaluateAll((rows) => {
    const box = document.querySelector('[data-testid=inbox-scroll]').getBoundingClientRect();
    return rows.filter((r) => { const b = r.getBoundingClientRect(); return b.top >= box.top && b.bottom <= box.bottom; }).length;
  });
  const comfortable = await visible();
  assert.ok(comfortable >= 7, `${comfortable} rows in view at 1280×800 (was 5)`);
  await page.getByTestId('density-compact').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=mention]')?.getBoundingClientRect().height < 40);
  const heights = await page.locator('[data-testid=mention]').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  assert.ok(heights.every((h) => h < 40), heights.join(' '));
  assert.ok((await oneLine()).every(Boolean), 'compact: still one line');
  const compact = await visible();
  assert.ok(compact >= Math.min(2 * comfortable, await page.locator('[data-testid=mention]').count()), `${compact} vs ${comfortable}`);
  assert.equal(await page.getByTestId('density-compact').getAttribute('aria-pressed'), 'true');
  // Why it ranks is still there, on hover.
  const first = page.locator('[data-testid=mention]').first();
  assert.match(await first.getAttribute('title'), /negative/);
  // Remembered on this computer, and the same choice in Settings.
  await page.reload();
  await page.locator('[data-testid=mention]').first().waitFor();
  assert.ok(await page.locator('[data-testid=mention]').first().evaluate((r) => r.getBoundingClientRect().height < 40), 'compact after a reload');
  await page.getByTestId('open-settings').click();
  assert.equal(await page.getByTestId('density').inputValue(), 'compact');
  await page.getByTestId('density').selectOption('comfortable');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('[data-testid=mention]')?.getBoundingClientRect().height > 50);
  assert.deepEqual(errors, []);
});

test('the detail pane names the language a post is written in', async () => {
  const { page, errors } = await open('?pages');
  await page.locator('[data-testid=mention][data-id="12"]').click();
  await page.getByTestId('detail-language').waitFor();
  assert.equal(await page.getByTestId('detail-language').textContent(), new Intl.DisplayNames(undefined, { type: 'language' }).of('es'));
  await page.locator('[data-testid=mention][data-id="6"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=detail]')?.textContent.includes('oat milk'));
  assert.equal(await page.getByTestId('detail-language').count(), 0, 'no chip when the language is not known');
  assert.deepEqual(errors, []);
});
