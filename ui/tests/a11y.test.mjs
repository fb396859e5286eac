// Accessibility: axe-core (the engine behind the browsers' own audits) on every screen, in the
// light and the dark theme: no serious or critical violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { open } from './harness.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical violations on the page as it is now: "rule: target (summary)". */
async function audit(page) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
  });
  return found;
}

const SCREENS = [
  ['the inbox with a mention open', '', async (page) => {
    await page.locator('[data-testid=mention]').first().click();
    await page.getByTestId('detail').waitFor();
  }],
  ['the compact inbox', '', async (page) => {
    await page.getByTestId('density-compact').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=mention]')?.getBoundingClientRect().height < 40);
  }],
  ['the reply box and its saved replies', '', async (page) => {
    await page.locator('[data-testid=mention][data-id="7"]').click();
    await page.getByTestId('reply-text').focus();
    await page.keyboard.press('Control+k');
    await page.getByTestId('picker').waitFor();
  }],
  ['the pages, email and review kinds', '?pages', async (page) => {
    await page.locator('[data-testid=mention][data-id="9"]').click();
    await page.getByTestId('detail').waitFor();
  }],
  ['settings', '', async (page) => {
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings').waitFor();
  }],
  ['the dashboard', '', async (page) => {
    await page.locator('[data-testid=mention]').first().waitFor();
    await page.getByTestId('open-dashboard').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=chart-mood] canvas').length > 0);
  }],
  ['the keyboard shortcuts', '', async (page) => {
    await page.locator('[data-testid=mention]').first().waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog').first().waitFor();
  }],
  ['first run', '?fresh', async (page) => {
    await page.getByTestId('onboarding').waitFor();
  }],
];

for (const theme of ['light', 'dark']) {
  for (const [name, query, reach] of SCREENS) {
    test(`${name}, ${theme}: no serious or critical accessibility violation`, async () => {
      const { page, errors } = await open(query, { colorScheme: theme });
      await reach(page);
      const found = await audit(page);
      assert.deepEqual(found, [], found.join('\n'));
      assert.deepEqual(errors, []);
    });
  }
}

test('the theme follows the system, and the owner can choose one that stays', async () => {
  const { page } = await open('', { colorScheme: 'dark' });
  await page.locator('[data-testid=mention]').first().waitFor();
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await bg();
  assert.notEqual(dark, 'rgb(246, 247, 245)', 'the system is dark: so is Earshot');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('theme').selectOption('light');
  assert.equal(await bg(), 'rgb(246, 247, 245)', 'chosen light over a dark system');
  await page.reload();
  await page.locator('[data-testid=mention]').first().waitFor();
  assert.equal(await bg(), 'rgb(246, 247, 245)', 'and kept');
});
