// Joint list (C5): filter the table, the count and chart follow, and the CSV
// download holds exactly the filtered rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeViolations, launchBrowser, newContext, screenshot, seriousViolations } from './harness.js';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');

describe('joint list', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('filters by a column and downloads the filtered rows as CSV', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/joint-list`);
    await page.getByRole('heading', { level: 1, name: 'Joint list of species' }).waitFor();
    const count = page.locator('p.count');
    await count.waitFor();
    const [, before] = /of ([\d,]+) rows/.exec(await count.innerText())!;
    const total = Number(before.replace(/,/g, ''));
    expect(total).toBeGreaterThan(100);
    expect(await page.locator('svg.bar-chart rect').count()).toBeGreaterThan(0);

    // The table's first categorical column filter (the page's own fieldset above it picks the API's appendices).
    const filter = page.locator('fieldset.filters').last().locator('label').filter({ has: page.locator('select') }).first();
    const select = filter.locator('select');
    const label = (await filter.innerText()).split('\n')[0].trim();
    // The first value that narrows the rows (every default row may share the first one: CMS Appendix I).
    const values = (await select.locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value))).filter(Boolean);
    let value = '';
    let filtered = total;
    for (const v of values) {
      await select.selectOption(v);
      const [shown] = /^[\d,]+/.exec(await count.innerText())!;
      filtered = Number(shown.replace(/,/g, ''));
      value = v;
      if (filtered < total) break;
    }
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'joint-list-filtered');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const lines = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(filtered);
    // Every downloaded row has the chosen value in the filtered column.
    const header = lines[0].split(',');
    const column = header.indexOf(({ 'CMS Appendix': 'cms.listing', Relation: 'relation' } as Record<string, string>)[label] ?? label);
    expect(column).toBeGreaterThanOrEqual(0);
    for (const line of lines.slice(1)) expect(line.split(',')[column], line).toBe(value);
    await ctx.close();
  });

  it.runIf(Boolean(dataDir))('the same filter gives the same rows through the web page, the API and the CLI', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const rowKey = (cms: string, cites: string | null) => `${cms}|${cites ?? ''}`;
    for (const [cms, cites] of [['I', 'any'], ['II', 'I']]) {
      await page.goto(`${baseUrl}/joint-list?cms=${cms}&cites=${cites}`);
      const count = page.locator('p.count');
      await count.waitFor();
      const [, shown] = /of ([\d,]+) rows/.exec(await count.innerText())!;
      const api = await (await fetch(`${baseUrl}/api/v1/joint-list?cms=${cms}&cites=${cites}`)).json() as { cms: { name: string }; cites: { name: string } | null }[];
      expect(Number(shown.replace(/,/g, '')), `web vs API, cms=${cms} cites=${cites}`).toBe(api.length);
      // The CLI on a copy of the server's database folder (a PGlite folder belongs to one process).
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-e2e-cli-'));
      fs.cpSync(dataDir, copy, { recursive: true });
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'joint-list', '--cms', cms, '--cites', cites, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, CONCORD_DATA_DIR: copy, DATABASE_URL: '', LOG_LEVEL: 'warn' }, timeout: 180_000, maxBuffer: 64 << 20 });
      fs.rmSync(copy, { recursive: true, force: true });
      expect(res.status, res.stderr).toBe(0);
      const cli = JSON.parse(res.stdout) as { cms: { name: string }; cites: { name: string } | null }[];
      expect(cli.map((r) => rowKey(r.cms.name, r.cites?.name ?? null)).sort(), `CLI vs API, cms=${cms} cites=${cites}`).toEqual(api.map((r) => rowKey(r.cms.name, r.cites?.name ?? null)).sort());
    }
    await ctx.close();
  }, 300_000);
});
