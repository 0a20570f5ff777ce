// Search -> taxon page in real Chromium: autocomplete from an accent-free
// French common name, keyboard choice, both statuses, tabs, deep-link reload,
// phone viewport, and axe-core (no serious or critical violations).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeViolations, launchBrowser, newContext, screenshot, seriousViolations } from './harness.js';

const baseUrl = inject('baseUrl');

describe('search to taxon page', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('suggests Panthera uncia for "panthere des nei" (French common name, no accents) and opens it with the keyboard', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/`);
    const box = page.getByRole('combobox', { name: 'Species name' });
    await box.pressSequentially('panthere des nei', { delay: 20 });
    const option = page.getByRole('option').filter({ hasText: 'Panthera uncia' }).first();
    await option.waitFor({ timeout: 15_000 });
    expect(await option.innerText()).toContain('Panthère des neiges');
    await screenshot(page, 'search-autocomplete');
    // Keyboard: arrow down to the suggestion and press Enter.
    const options = await page.getByRole('option').allInnerTexts();
    const index = options.findIndex((o) => o.includes('Panthera uncia'));
    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/taxa\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /Panthera uncia/ }).waitFor();
    // Species+: Panthera uncia, CITES Appendix I; CMS lists the snow leopard as Uncia uncia (2013 CMS list, Appendix I).
    const citesPanel = page.locator('section.status-panel', { has: page.getByRole('heading', { name: /^CITES/ }) });
    expect(await citesPanel.locator('.badge [aria-hidden]').innerText()).toBe('CITES I');
    const linkBox = page.locator('.link-box');
    await linkBox.getByText('Uncia uncia').first().waitFor();
    const cmsPanel = page.locator('section.status-panel', { has: page.getByRole('heading', { name: /^CMS/ }) });
    await cmsPanel.getByText('CMS I', { exact: true }).waitFor();
    expect(await page.locator('.timeline svg').count()).toBe(1);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'taxon-status');

    // Names tab: the synonym Uncia uncia and the French common name.
    await page.getByRole('tab', { name: 'Names' }).click();
    expect(await page.getByRole('tabpanel').innerText()).toContain('Uncia uncia');
    expect(await page.locator('ul[lang="fr"]').innerText()).toContain('Panthère des neiges');

    // Deep link: reloading the taxon URL renders the same page.
    const url = page.url();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Panthera uncia/ }).waitFor();
    expect(page.url()).toBe(url);
    await ctx.close();
  });

  it('filters results by convention, shows both statuses as badges and the range map, on a phone-size screen', async () => {
    const ctx = await newContext(browser, { phone: true });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/?q=Loxodonta africana&taxonomy=cites`);
    const first = page.locator('ol.results > li').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('Loxodonta africana');
    // CITES 2017 Checklist: Loxodonta africana is listed I/II (split listing).
    expect(await first.locator('.badge.cites [aria-hidden]').innerText()).toBe('CITES I/II');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'search-results-phone');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // Distribution: the map (lazy chunk) and the table; Kenya is a range State (2017 Checklist).
    await first.getByRole('link', { name: 'Loxodonta africana' }).click();
    await page.getByRole('tab', { name: 'Distribution' }).click();
    await page.locator('figure.map svg').waitFor({ timeout: 20_000 });
    await page.getByRole('cell', { name: 'Kenya' }).waitFor();
    expect(await page.locator('figure.map path[fill="#2e7d32"]').count()).toBeGreaterThan(20);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const mapViolations = await seriousViolations(page);
    expect(mapViolations, describeViolations(mapViolations)).toEqual([]);
    await screenshot(page, 'taxon-distribution-phone');
    await ctx.close();
  });
});
