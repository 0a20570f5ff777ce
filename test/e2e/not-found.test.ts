// Bad input: unknown taxon id, unknown page, unknown country -> a helpful
// not-found page; API unreachable -> an error banner, not a blank page.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeViolations, launchBrowser, newContext, screenshot, seriousViolations } from './harness.js';

const baseUrl = inject('baseUrl');

describe('not found and API down', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it.each([
    ['/taxa/2000000000', /no taxon with id “2000000000”/i],
    ['/taxa/not-a-number', /no taxon with id “not-a-number”/i],
    ['/no/such/page', /no page at this address/i],
    ['/countries/QQ', /no country with code “QQ”/i],
  ])('%s shows the not-found page', async (url, message) => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const res = await page.goto(`${baseUrl}${url}`);
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
    expect(await page.locator('main').innerText()).toMatch(message);
    expect(await page.getByRole('link', { name: 'Search species' }).count()).toBeGreaterThan(0);
    if (url.startsWith('/taxa/2')) {
      await screenshot(page, 'not-found-taxon');
      const violations = await seriousViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }
    await ctx.close();
  });

  it('shows an error banner when the API cannot be reached', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${baseUrl}/?q=Uncia`);
    const banner = page.getByRole('alert').filter({ hasText: 'The data service is unavailable' });
    await banner.waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Search species' }).count()).toBe(1);
    await screenshot(page, 'api-down');
    await ctx.close();
  });
});
