// UI tests in a real browser (Debian chromium driven by playwright-core) against the mock-backend
// build (`npm run build:mock`). Waits are on DOM conditions, never on time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('../dist-mock/', import.meta.url).pathname;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
let server, browser, base;

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    try {
      const body = await readFile(join(root, path === '/' ? 'index.html' : path));
      // The same strict policy as the app: no inline script can run.
      res.writeHead(200, { 'content-type': types[extname(path) || '.html'] ?? 'application/octet-stream',
        'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); server?.close(); });

async function open(query = '') {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(base + query);
  return { page, errors };
}
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

test('first run asks for the business and adds sources', async () => {
  const { page } = await open('?fresh');
  await page.getByTestId('onboarding').waitFor();
  await page.getByTestId('ob-submit').click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /name of your business/);
  await page.getByTestId('ob-name').fill('Brightside Coffee');
  await page.getByTestId('ob-feeds').fill('https://www.google.com/alerts/feeds/1/2');
  await page.getByTestId('ob-submit').click();
  await page.getByTestId('inbox').waitFor();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('source').nth(1).waitFor();
  assert.equal(await page.getByTestId('source').count(), 2);
});

test('settings show each source health and refuse a bad feed address clearly', async () => {
  const { page } = await open();
  await page.getByTestId('health-banner').waitFor();
  assert.match(await page.getByTestId('health-banner').textContent(), /Reviews: malformed response/);
  await page.getByTestId('open-settings').click();
  assert.match(await page.getByTestId('source-health').nth(1).textContent(), /Error: malformed/);
  await page.getByTestId('add-source-url').fill('ftp://nope');
  await page.getByTestId('add-source').click();
  await page.getByTestId('settings-error').waitFor();
  assert.match(await page.getByTestId('settings-error').textContent(), /http or https/);
  assert.equal(await page.getByTestId('source').count(), 2, 'nothing was added');
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
