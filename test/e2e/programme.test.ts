// The tracker in Chromium: the public sees no edit controls and gets 403 from
// the API; a Secretariat user signs in, adds a progress entry, and it appears
// on the activity page and in the implementation report. Runs its own server
// on a fresh PGlite folder holding only the work programme and two accounts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeViolations, launchBrowser, newContext, screenshot, seriousViolations } from './harness.js';
import { seedDocument } from '../programme/support.js';

const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'e2e password long enough';

function concord(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`concord ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('programme tracker in the browser', () => {
  let browser: Browser;
  let server: ChildProcess;
  let baseUrl = '';
  beforeAll(async () => {
    // Our own build, so a colleague's suite rebuilding web/dist meanwhile cannot pull files from under this server.
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-e2e-programme-dist-'));
    const b = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`web build failed: ${b.stderr}`);
    const env = { ...process.env, CONCORD_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'concord-e2e-programme-')), CONCORD_WEB_DIST: dist, DATABASE_URL: '', LOG_LEVEL: 'warn', CONCORD_PASSWORD: PASSWORD };
    concord(env, 'import', 'work-programme', seedDocument);
    concord(env, 'user', 'add', 'cms@example.org', '--role', 'cms_secretariat', '--name', 'CMS Secretariat officer');
    concord(env, 'user', 'add', 'admin@example.org', '--role', 'admin', '--name', 'Admin');
    const port = 3700 + Math.floor(Math.random() * 200);
    server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve', '--no-seed'], { cwd: root, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
    baseUrl = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try { if ((await fetch(`${baseUrl}/api/v1/programmes`)).ok) break; } catch { /* starting */ }
      if (i > 240 || server.exitCode !== null) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    browser = await launchBrowser();
  });
  afterAll(async () => { await browser?.close(); server?.kill('SIGTERM'); });

  it('the public reads the activity without edit controls, and the API answers 403 to its writes', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${baseUrl}/programme/2021-2025/activities/B5`);
    await page.getByRole('heading', { level: 1, name: 'Activity B5 — African-Eurasian vultures' }).waitFor().catch(async (e) => { throw new Error(`${(e as Error).message}\npage: ${await page.locator('body').innerText()}`); });
    expect(await page.getByRole('button', { name: 'Add entry' }).count()).toBe(0);
    expect(await page.getByRole('form').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/v1/programmes/2021-2025/activities/B5/progress', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ date: '2021-01-01', text: 'x', status: 'ongoing' }) })).status);
    expect(status).toBe(403);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await ctx.close();
  });

  it('signs in, adds a progress entry; it appears on the activity and in the report', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    page.setDefaultTimeout(60_000); // the machine may be busy with other suites
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('E-mail').fill('cms@example.org');
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-mail or password is wrong.' }).waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/programme`);
    // The navigation names the signed-in user and offers sign-out on every page.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByText('CMS Secretariat officer').waitFor();
    await nav.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${baseUrl}/programme/2021-2025/activities/B5`);
    await page.getByRole('heading', { name: 'Add a progress entry' }).waitFor();
    await page.getByLabel('Date', { exact: true }).fill('2021-09-15');
    await page.getByLabel('What was done').fill('Vulture trade study commissioned with UNEP Law Division funds.');
    await page.getByLabel('Links, one a line').fill('document: UNEP/CMS/StC52/Doc.14\ntaxon: Gyps africanus');
    await page.getByRole('button', { name: 'Add entry' }).click();
    await page.getByRole('status').filter({ hasText: 'Progress entry added.' }).waitFor();
    const timeline = page.getByTestId('progress');
    await timeline.getByText('Vulture trade study commissioned with UNEP Law Division funds.').waitFor();
    expect(await timeline.innerText()).toMatch(/2021-09-15 · ongoing · CMS Secretariat officer[\s\S]*UNEP\/CMS\/StC52\/Doc\.14; Gyps africanus/);
    expect(await page.getByTestId('activity-status').innerText()).toBe('ongoing');
    await screenshot(page, 'programme-activity-signed-in');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    const report = await page.evaluate(async () => (await fetch('/api/v1/programmes/2021-2025/report?format=html')).text());
    expect(report).toMatch(/<th scope="row">B5<\/th>[\s\S]*Vulture trade study commissioned with UNEP Law Division funds\./);
    await ctx.close();
  });

  it('an admin sees the write in the audit log, and the user list', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('E-mail').fill('admin@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/programme`);
    await page.goto(`${baseUrl}/admin/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'progressEntry.create' }).first();
    expect(await row.innerText()).toMatch(/cms@example\.org[\s\S]*Vulture trade study commissioned/);
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe('/api/v1/admin/audit?format=csv');
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByRole('rowheader', { name: 'cms@example.org' }).waitFor();
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(async () => ((await (await fetch('/api/v1/auth/me')).json()) as { user: unknown }).user)).toBeNull();
    await ctx.close();
  });

  it('the overview shows progress by theme and offers the report downloads, in French too', async () => {
    const ctx = await newContext(browser, { locale: 'fr-FR' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${baseUrl}/programme/2021-2025`);
    await page.getByRole('img', { name: 'Activités par thème et par statut' }).waitFor();
    expect(await page.getByRole('link', { name: 'Télécharger en DOCX' }).getAttribute('href')).toBe('/api/v1/programmes/2021-2025/report?format=docx');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await ctx.close();
  });
});
