// Settings → "Share with a team" in a real browser against the mock-backend build: checking an
// address, bringing the inbox into a new team or joining an existing one, who listens for each
// source, leaving, and the way out when the team's database cannot be reached at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './harness.mjs';

async function teamSection(query = '') {
  const { page, errors } = await open(query);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-team').waitFor();
  return { page, errors };
}

test('the first computer checks a new team database and brings its inbox; the password is not kept', async () => {
  const { page, errors } = await teamSection();
  await page.getByTestId('team-address').fill('postgres://earshot@db.brightside.coffee:5432/team?sslmode=disable');
  await page.getByTestId('team-look').click();
  await page.getByTestId('team-error').waitFor();
  assert.match(await page.getByTestId('team-error').textContent(), /only talks to it over TLS/);

  await page.getByTestId('team-address').fill('postgres://earshot:s3cret@db.brightside.coffee/team');
  await page.getByTestId('team-password').fill('');
  await page.getByTestId('team-look').click();
  await page.getByTestId('team-new').waitFor();
  assert.match(await page.getByTestId('team-look-result').textContent(), /encrypted \(TLS\)/);
  assert.equal(await page.getByTestId('team-bring').isChecked(), true, 'a new team takes the inbox by default');
  assert.equal(await page.getByTestId('team-join').isDisabled(), true, 'a name is needed');
  await page.getByTestId('team-name').fill('Ana');
  await page.getByTestId('team-join').click();
  await page.getByTestId('team-joined').waitFor();
  assert.match(await page.getByTestId('team-note').textContent(), /moved into the team's database.*kept as it was/);
  const joins = await page.evaluate(() => window.__earshotMock.teamJoins);
  assert.deepEqual(joins.map((j) => [j.address, j.name, j.bringInbox]), [['postgres://earshot@db.brightside.coffee/team', 'Ana', true]]);
  assert.doesNotMatch(await page.getByTestId('settings-team').textContent(), /s3cret/, 'the password is never shown');
  assert.deepEqual(errors, []);
});

test('a later computer joins the team inbox as it is and sees who listens for each source', async () => {
  const { page, errors } = await teamSection();
  await page.getByTestId('team-address').fill('postgres://earshot@db.brightside.coffee/shared');
  await page.getByTestId('team-password').fill('pw');
  await page.getByTestId('team-look').click();
  await page.getByTestId('team-existing').waitFor();
  assert.match(await page.getByTestId('team-existing').textContent(), /Ana is on this team, with 1,200 mentions/);
  assert.equal(await page.getByTestId('team-bring').count(), 0, 'an inbox cannot be poured into another');
  await page.getByTestId('team-name').fill('Ben');
  await page.getByTestId('team-join').click();
  await page.getByTestId('team-joined').waitFor();
  assert.equal(await page.getByTestId('team-password').count(), 0);
  assert.equal(await page.getByTestId('team-members').textContent(), 'Ana and Ben');
  const rows = await page.locator('[data-testid=team-source]').count();
  assert.ok(rows >= 2, 'every source is listed');
  const listeners = await page.locator('[data-testid=team-listener]').allTextContents();
  assert.ok(listeners.includes('Ben (this computer)') && listeners.includes('Ana'), listeners.join('|'));
  const joins = await page.evaluate(() => window.__earshotMock.teamJoins);
  assert.deepEqual(joins.map((j) => [j.name, j.bringInbox, j.password]), [['Ben', false, 'pw']]);

  await page.getByTestId('team-leave').click();
  await page.getByTestId('team-look').waitFor();
  assert.match(await page.getByTestId('team-note').textContent(), /works alone again/);
  assert.equal(await page.evaluate(() => window.__earshotMock.team), null);
  assert.deepEqual(errors, []);
});

test('when the team database cannot be reached at start, the owner can work alone', async () => {
  const { page, errors } = await open('?problem=team');
  await page.getByTestId('recovery').waitFor();
  assert.match(await page.locator('h1').textContent(), /team’s database cannot be reached/);
  assert.equal(await page.getByTestId('recovery-restore').count(), 0, 'no backup to restore: nothing is damaged');
  await page.getByTestId('recovery-work-alone').click();
  await page.locator('[data-testid=mention]').first().waitFor();
  assert.equal(await page.getByTestId('recovery').count(), 0);
  assert.deepEqual(errors, []);
});

test('on a team the composer shows who else is replying, says so when someone answered meanwhile, and names who sent each reply', async () => {
  const { page, errors } = await open('?team');
  await page.locator('[data-testid=mention][data-id="6"]').click();
  await page.getByTestId('reply-text').waitFor();
  await page.getByTestId('mark-done-on-send').uncheck();
  await page.evaluate(() => window.__earshotMock.emit({ type: 'composing', mention_id: 6, who: 'Ana', open: true }));
  await page.getByTestId('others-replying').waitFor();
  assert.equal(await page.getByTestId('others-replying').textContent(), 'Ana is replying…');
  // Another mention's writer is not shown here.
  await page.evaluate(() => window.__earshotMock.emit({ type: 'composing', mention_id: 7, who: 'Sam', open: true }));

  await page.getByTestId('reply-text').fill('Yes, oat milk is back!');
  await page.waitForFunction(() => window.__earshotMock.composing.some((c) => c.mentionId === 6 && c.open));
  // Ana sends first, from her desktop.
  await page.evaluate(() => {
    window.__earshotMock.emit({ type: 'composing', mention_id: 6, who: 'Ana', open: false });
    window.__earshotMock.answeredByTeammate(6, 'Ana', 'Oat milk is back since Monday!');
  });
  await page.waitForFunction(() => !document.querySelector('[data-testid=others-replying]'));
  await page.getByTestId('reply-by').waitFor();
  assert.equal(await page.getByTestId('reply-by').textContent(), 'by Ana');
  await page.getByTestId('send-reply').click();
  await page.getByTestId('answered-meanwhile').waitFor();
  assert.match(await page.getByTestId('answered-meanwhile').textContent(), /Ana answered this while you were writing: “Oat milk is back since Monday!”/);
  assert.equal(await page.evaluate(() => window.__earshotMock.replies.length), 1, 'nothing sent without a second look');
  await page.getByTestId('meanwhile-send').click();
  await page.waitForFunction(() => window.__earshotMock.replies.length === 2);
  await page.waitForFunction(() => window.__earshotMock.composing.some((c) => c.mentionId === 6 && !c.open));
  assert.deepEqual(errors, []);
});

test("a mention done on another desktop leaves this one's to-do view, unless it is the one open here", async () => {
  const { page, errors } = await open('?team');
  await page.locator('[data-testid=mention]').first().waitFor();
  const ids = await page.locator('[data-testid=mention]').evaluateAll((rows) => rows.map((r) => r.dataset.id));
  const doneElsewhere = (id) => page.evaluate((id) => {
    const mock = window.__earshotMock;
    const m = mock.mentions.find((x) => x.id === id);
    m.status = 'done';
    mock.emit({ type: 'mention_updated', mention: structuredClone(m) });
  }, Number(id));
  await doneElsewhere(ids[1]);
  await page.waitForFunction((id) => !document.querySelector(`[data-testid=mention][data-id="${id}"]`), ids[1]);
  // The one open here stays, showing it is done, until the owner moves on.
  await page.locator(`[data-testid=mention][data-id="${ids[0]}"]`).click();
  await page.getByTestId('detail').waitFor();
  await doneElsewhere(ids[0]);
  await page.waitForFunction((id) => document.querySelector(`[data-testid=mention][data-id="${id}"]`)?.dataset.status === 'done', ids[0]);
  assert.equal(await page.locator(`[data-testid=mention][data-id="${ids[2]}"]`).count(), 1, 'the others stay');
  assert.deepEqual(errors, []);
});

test("the dashboard shows each person's figures on a team, and none alone", async () => {
  const { page, errors } = await open('?team');
  await page.getByTestId('open-dashboard').click();
  await page.getByTestId('people').waitFor();
  const rows = await page.locator('[data-testid=person]').allTextContents();
  assert.equal(rows.length, 2);
  assert.match(rows[0], /^Ana\s*12\s*9\s*14 min\s*2$/);
  const alone = (await open()).page;
  await alone.getByTestId('open-dashboard').click();
  await alone.getByTestId('kpi-frt').waitFor();
  assert.equal(await alone.getByTestId('people').count(), 0);
  assert.deepEqual(errors, []);
});

test('notification settings: quiet hours and thresholds, said to be one\'s own on a team', async () => {
  const { page, errors } = await open('?team');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('notify-min').waitFor();
  assert.equal(await page.getByTestId('notify-min').inputValue(), '40');
  await page.getByTestId('notify-quiet').check();
  await page.getByTestId('notify-quiet-from').selectOption('7');
  await page.getByTestId('notify-quiet-to').selectOption('7');
  await page.getByTestId('notify-save').click();
  await page.getByTestId('notify-error').waitFor();
  assert.match(await page.getByTestId('notify-error').textContent(), /different hours/);
  await page.getByTestId('notify-quiet-from').selectOption('22');
  await page.getByTestId('notify-min').fill('55');
  await page.getByTestId('notify-save').click();
  await page.getByTestId('notify-note').waitFor();
  assert.match(await page.getByTestId('notify-note').textContent(), /the others on the team keep their own/);
  const policy = await page.evaluate(() => window.__earshotMock.policy);
  assert.deepEqual([policy.notify_min, policy.quiet_hours], [55, [22, 7]]);
  assert.deepEqual(errors, []);
});
