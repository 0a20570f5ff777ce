// Name matching with an uploaded CSV: results with match type, accepted name
// and both statuses; CSV download; clear messages for a non-CSV or too-large file.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeViolations, launchBrowser, newContext, screenshot, seriousViolations, tempFile } from './harness.js';

const baseUrl = inject('baseUrl');

describe('name matching', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('matches names from an uploaded CSV and downloads the results', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const apiCalls: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/')) apiCalls.push(new URL(r.url()).pathname); });
    await page.goto(`${baseUrl}/match`);
    const csv = tempFile('names.csv', 'id,scientificName\n1,Uncia uncia\n2,Panthera uncia\n3,"Loxodonta africana (Blumenbach, 1797)"\n4,Qwertyus nonexistens\n');
    await page.getByLabel('Or upload a CSV file').setInputFiles(csv);
    await page.getByText('names.csv: 4 names read.').waitFor();
    await page.getByRole('button', { name: 'Match' }).click();
    const rows = page.locator('table.match-results tbody tr');
    await page.getByRole('heading', { name: 'Results (4)' }).waitFor();
    expect(await rows.count()).toBe(4);
    const texts = await rows.allInnerTexts();
    expect(texts[0]).toContain('Uncia uncia');
    // CITES 2017 Checklist: Loxodonta africana I/II.
    expect(texts[2]).toContain('CITES I/II');
    expect(texts[3]).toMatch(/no match/i);
    // why, in words, on the page
    expect(texts[2]).toContain('authors agree: (Blumenbach 1797)');
    expect(texts[3]).toContain('no match in CITES or CMS');
    // The statuses come with the match results: one request, none per taxon.
    expect(apiCalls.filter((p) => p.startsWith('/api/v1/taxa'))).toEqual([]);
    expect(apiCalls.filter((p) => p === '/api/v1/names/match')).toHaveLength(1);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'match-results');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const lines = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('input,match_type,score,matched_name,matched_status,taxonomy,accepted_name,accepted_id,cites,cms,alternatives,warnings,why,why_codes,authorship,matched_authorship,authorship_match,vernacular_name,vernacular_languages,ambiguous');
    expect(lines.find((l) => l.startsWith('"Loxodonta africana (Blumenbach, 1797)"'))).toContain('I/II');
    expect(lines).toHaveLength(5);
    await ctx.close();
  });

  it('matches common names and says why, in the page language', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/match`);
    await page.getByLabel('Names, one a line').fill('snow leopard\nAfrican elephant\nSaker Falcon\nMantis religiosa\nLoxodonta africana Smith, 1950');
    await page.getByRole('button', { name: 'Match' }).click();
    await page.getByRole('heading', { name: 'Results (5)' }).waitFor();
    const texts = await page.locator('table.match-results tbody tr').allInnerTexts();
    expect(texts[0]).toMatch(/common name/);
    expect(texts[0]).toMatch(/uncia/);
    expect(texts[1]).toContain('Loxodonta africana');
    expect(texts[1]).toContain('CITES I/II');
    expect(texts[2]).toContain('Falco cherrug');
    expect(texts[3]).toContain('no match in CITES or CMS');
    // The pangolin's genus is one edit away: the reason names it and says it is not offered.
    expect(texts[3].split('\t')[0]).toBe('Mantis religiosa');
    expect(texts[3]).toMatch(/nearest genus, Manis .* is not offered/);
    expect(texts[3]).not.toMatch(/\bManis [a-z]+/);
    expect(texts[4]).toContain('authors differ: Smith 1950 vs (Blumenbach, 1797)');
    const codes = await page.locator('table.match-results tbody tr:nth-child(5) li[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes).toContain('authors_differ');
    await screenshot(page, 'match-why');
    // the same answers in French: the reasons are translated from their codes
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    const fr = await page.locator('table.match-results tbody tr').allInnerTexts();
    expect(fr[3]).toContain('aucune correspondance dans CITES ou CMS');
    expect(fr[4]).toContain('auteurs différents : Smith 1950 et (Blumenbach, 1797)');
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('es');
    expect((await page.locator('table.match-results tbody tr').allInnerTexts())[3]).toContain('sin coincidencia en CITES o CMS');
    await ctx.close();
  });

  it('refuses a file that is not CSV, and one that is too large, with a clear message', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/match`);
    const png = tempFile('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await page.getByLabel('Or upload a CSV file').setInputFiles(png);
    await page.getByRole('alert').filter({ hasText: 'photo.png is not a CSV or text file' }).waitFor();
    const big = tempFile('big.csv', `name\n${'Uncia uncia\n'.repeat(250_000)}`);
    await page.getByLabel('Or upload a CSV file').setInputFiles(big);
    await page.getByRole('alert').filter({ hasText: 'big.csv is too large' }).waitFor();
    await screenshot(page, 'match-too-large');
    await ctx.close();
  });
});
