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

  it('suggests Uncia uncia for "panthere des nei" (French common name, no accents) and opens it with the keyboard', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/`);
    const box = page.getByRole('combobox', { name: 'Species name' });
    await box.pressSequentially('panthere des nei', { delay: 20 });
    const option = page.getByRole('option').filter({ hasText: 'Uncia uncia' }).first();
    await option.waitFor({ timeout: 10_000 });
    await screenshot(page, 'search-autocomplete');
    // Keyboard: move down to the first Uncia uncia suggestion and press Enter.
    const options = await page.getByRole('option').allInnerTexts();
    const index = options.findIndex((o) => o.includes('Uncia uncia'));
    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/taxa\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /Uncia uncia/ }).waitFor();
    // CITES 2017 Checklist: Uncia uncia, Appendix I.
    const citesPanel = page.locator('section.status-panel', { has: page.getByRole('heading', { name: /^CITES/ }) });
    expect(await citesPanel.innerText()).toMatch(/CITES I\b/);
    expect(await page.locator('.timeline svg').count()).toBe(1);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'taxon-status');

    // Distribution tab: map (lazy) and the table for screen readers; Nepal is a range State.
    await page.getByRole('tab', { name: 'Distribution' }).click();
    await page.locator('figure.map svg').waitFor({ timeout: 15_000 });
    await page.getByRole('cell', { name: 'Nepal' }).waitFor();
    expect(await page.locator('figure.map path[fill="#2e7d32"]').count()).toBeGreaterThan(5);
    await screenshot(page, 'taxon-distribution');

    // Names tab: the synonym Panthera uncia and a French common name.
    await page.getByRole('tab', { name: 'Names' }).click();
    expect(await page.getByRole('tabpanel').innerText()).toContain('Panthera uncia');
    expect(await page.locator('ul[lang="fr"]').innerText()).toMatch(/Panthère des neiges/);
    const namesViolations = await seriousViolations(page);
    expect(namesViolations, describeViolations(namesViolations)).toEqual([]);

    // Deep link: reloading the taxon URL renders the same page.
    const url = page.url();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Uncia uncia/ }).waitFor();
    expect(page.url()).toBe(url);
    await ctx.close();
  });

  it('filters results by convention and shows both statuses as badges, on a phone-size screen', async () => {
    const ctx = await newContext(browser, { phone: true });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/?q=Loxodonta africana&taxonomy=cites`);
    const first = page.locator('ol.results > li').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('Loxodonta africana');
    // CITES 2017 Checklist: Loxodonta africana is listed I/II (split listing).
    expect(await first.locator('.badge.cites [aria-hidden]').innerText()).toBe('CITES I/II');
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'search-results-phone');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await ctx.close();
  });
});
