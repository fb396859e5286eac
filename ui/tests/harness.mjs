// The UI tests' browser and server: Debian chromium driven by playwright-core, against the
// mock-backend build (`npm run build:mock`) served with the app's strict policy.
import { before, after } from 'node:test';
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

/** A new page on the app (`query`: the mock's seeds, `?pages`, `?fresh`); `options` as
 * playwright's `newPage` (a viewport). */
export async function open(query = '', options = {}) {
  const page = await browser.newPage(options);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(base + query);
  return { page, errors };
}
