// Country page: Party since when, species occurring there with status badges,
// the shared-species filter, and a CSV download of the list.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeViolations, launchBrowser, newContext, screenshot, seriousViolations } from './harness.js';

const baseUrl = inject('baseUrl');

describe('country page', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('shows Kenya: CITES Party since 13 March 1979, species with badges, CSV download', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const apiCalls: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/')) apiCalls.push(new URL(r.url()).pathname); });
    await page.goto(`${baseUrl}/countries`);
    await page.getByRole('searchbox', { name: 'Filter' }).fill('keny');
    await page.getByRole('link', { name: 'Kenya' }).click();
    await page.waitForURL(/\/countries\/KE$/);
    await page.getByRole('heading', { level: 1, name: /Kenya/ }).waitFor();
    // citesdb/cites_parties.tsv: Kenya, entry into force 1979-03-13.
    expect(await page.locator('ul.party').innerText()).toContain('Party to CITES since Mar 13, 1979');
    const items = page.locator('ul.results > li');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(10);
    expect(await page.locator('ul.results .badge.cites').count()).toBeGreaterThan(0);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'country-kenya');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('concord-KE-species.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    // The species' status in both conventions, both names of a joined row, its CMS instruments and distribution tags.
    expect(csv[0]).toBe('id,taxonomy,full_name,rank,family,cites_listing,cms_listing,cites_name,cms_name,cms_instruments,tags');
    const total = Number((await page.getByRole('status').filter({ hasText: /results?$/ }).innerText()).replace(/\D/g, ''));
    expect(csv.length - 1).toBe(total);
    expect(csv.some((l) => l.includes('Loxodonta africana'))).toBe(true);

    await page.getByRole('checkbox', { name: 'Listed by both conventions only' }).check();
    // A locator, not a string predicate: the app's CSP forbids eval.
    await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    const shared = Number((await page.getByRole('status').filter({ hasText: /results?$/ }).innerText()).replace(/\D/g, ''));
    expect(shared).toBeLessThan(total);
    // Shared species are listed in both conventions: the CMS concepts' badges show their CMS listing.
    expect(await page.locator('ul.results .badge.cms:not(.none)').count()).toBeGreaterThan(0);
    // The badges come with the country's species: no taxon search or status request.
    expect(apiCalls.filter((p) => p.startsWith('/api/v1/taxa'))).toEqual([]);
    await ctx.close();
  });
});
