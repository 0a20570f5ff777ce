// Language switch: every visible string changes, the choice survives a reload
// (localStorage), and numbers follow the language (Intl).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, screenshot } from './harness.js';

const baseUrl = inject('baseUrl');

describe('language switch', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('switches to French, remembers it, then to Spanish', async () => {
    const ctx = await newContext(browser, { locale: 'en-GB' });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/about`);
    await page.getByRole('heading', { level: 1, name: 'About the data' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'À propos des données' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Principal' }).innerText()).toContain('Pays');
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'À propos des données' }).waitFor();
    // French groups thousands with a (narrow) no-break space.
    await page.locator('.counts dd').first().waitFor();
    const counts = await page.locator('.counts dd').allInnerTexts();
    expect(counts.some((c) => /\d[\u202f\u00a0]\d{3}/.test(c))).toBe(true);
    await screenshot(page, 'about-fr');
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Acerca de los datos' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Principal' }).innerText()).toContain('Países');
    expect(await page.evaluate('localStorage.getItem("concord.lang")')).toBe('es');
    await ctx.close();
  });
});
