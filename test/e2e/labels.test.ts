// Every label in the reader's language: in French and Spanish the taxon pages of
// the African elephant and the snow leopard, and the joint list, show no English
// status phrase and no raw code (the web app renders them from structured data).
// Also: /docs, the API reference, has no serious or critical axe violation.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, launchBrowser, newContext, screenshot, seriousViolations } from './harness.js';

const baseUrl = inject('baseUrl');

/** English the listing engine or the alignment writes (the API's `text`), and English labels of codes. */
const ENGLISH_PHRASES = [
  'Listed in Appendix', 'all populations except', 'Except the populations', 'Only the populations', 'populations of',
  'deleted from Appendix', 'Deleted from Appendix', 'listed as part of', 'Listed as part of', 'Annotation to the', 'holds a reservation',
  'Needs review', 'status of the linked concept', 'Not listed', 'not yet in force', 'equal to', 'split or lump', 'spelling variant',
  'other genus', 'same name', 'Memorandum of Understanding', 'Agreement on the Conservation', ' MOU', 'Range State', 'Download CSV',
];
/** Codes a reader should never see: relation, basis, difference, change types, JSON literals, bare ISO lists. */
const RAW_CODES = /\b(included_in|split_lump|genus_transfer|no_counterpart|not_in_force|disjunct|ADDITION|DELETION|RESERVATION|true|false|undefined|null|NaN)\b|\b[A-Z]{2}(?:, [A-Z]{2}){2,}\b/;

async function taxonId(name: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/taxa?q=${encodeURIComponent(name)}&taxonomy=cites&per_page=5`);
  const rows = (await res.json()) as { id: number; full_name: string }[];
  const hit = rows.find((r) => r.full_name === name);
  if (!hit) throw new Error(`${name} not found in the CITES taxonomy`);
  return hit.id;
}

/**
 * The page's visible text, English phrases and raw codes it holds (sentences around each, for the message).
 * Annotation texts are quoted from the source as the Secretariats wrote them (.source-text, in the
 * reader's language when the source has it, else marked lang="en"): they are left out.
 */
async function englishAndCodes(page: Page): Promise<string[]> {
  // A string, so this Node-side file needs no DOM types; attached, so innerText keeps the layout's line breaks.
  const text = await page.evaluate<string>(`(() => {
    const copy = document.querySelector('main').cloneNode(true);
    for (const q of copy.querySelectorAll('.source-text')) q.remove();
    document.body.append(copy);
    const out = copy.innerText;
    copy.remove();
    return out;
  })()`);
  const found = ENGLISH_PHRASES.filter((p) => text.includes(p)).map((p) => `phrase “${p}”: …${text.slice(Math.max(0, text.indexOf(p) - 60), text.indexOf(p) + 60)}…`);
  const code = RAW_CODES.exec(text);
  if (code) found.push(`code “${code[0]}”: …${text.slice(Math.max(0, code.index - 60), code.index + 60)}…`);
  return found;
}

describe.each([
  { lang: 'fr', status: 'Statut dans les deux conventions', joint: 'Liste commune' },
  { lang: 'es', status: 'Estado en ambas convenciones', joint: 'Lista conjunta' },
])('labels in $lang', ({ lang }) => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it.each(['Loxodonta africana', 'Panthera uncia'])('the taxon page of %s has no English status phrase and no raw code', async (name) => {
    const id = await taxonId(name);
    const ctx = await newContext(browser, { locale: lang });
    await ctx.addInitScript(`localStorage.setItem('concord.lang', '${lang}')`);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/taxa/${id}`);
    await page.locator('.status-panel ul.reasons li').first().waitFor();
    await page.locator('#main').getByText(/Botswana|Zimbabwe|Afghanistan|Bhoutan|Bután|Népal|Nepal/).first().waitFor({ timeout: 10_000 }).catch(() => undefined); // country names loaded
    expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
    // The history table is folded: open it, its rows must be in the reader's language too.
    for (const d of await page.locator('main details').all()) await d.evaluate((el) => { (el as unknown as { open: boolean }).open = true; });
    expect(await englishAndCodes(page)).toEqual([]);
    await screenshot(page, `labels-${lang}-${name.replace(' ', '-')}`);
    await ctx.close();
  });

  it('the joint list has no English label and no raw code', async () => {
    const ctx = await newContext(browser, { locale: lang });
    await ctx.addInitScript(`localStorage.setItem('concord.lang', '${lang}')`);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/joint-list`);
    await page.locator('p.count').waitFor({ timeout: 120_000 }); // the whole list: slow on a busy machine
    await page.locator('table tbody tr').first().waitFor();
    expect(await englishAndCodes(page)).toEqual([]);
    // The filters offer words, not codes.
    const options = await page.locator('fieldset.filters select option').allInnerTexts();
    expect(options.filter((o) => RAW_CODES.test(o))).toEqual([]);
    await ctx.close();
  });
});

describe('the API reference page', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('/docs lists the operations and has no serious or critical axe violation', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/docs`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('main section').count()).toBeGreaterThan(40);
    expect(await page.getByRole('link', { name: 'the OpenAPI 3.1 document' }).getAttribute('href')).toBe('/openapi.json');
    const v = await seriousViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
    await ctx.close();
  });

  it('the footer links to the API docs, the OpenAPI document and the downloads', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/about`);
    const footer = page.locator('footer');
    await footer.getByRole('link', { name: 'API documentation' }).waitFor();
    expect(await footer.getByRole('link', { name: 'OpenAPI document (JSON)' }).getAttribute('href')).toBe('/openapi.json');
    const downloads = await page.locator('ul.downloads a').evaluateAll((as) => as.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute('href')));
    expect(downloads).toEqual(['/exports/checklist.csv?convention=cites', '/exports/checklist.csv?convention=cms', '/exports/dwca.zip', '/exports/ndjson']);
    const paths = Object.keys(((await (await fetch(`${baseUrl}/openapi.json`)).json()) as { paths: object }).paths);
    for (const href of downloads) expect(paths, href).toContain(href.split('?')[0]); // documented routes, not guesses
    await ctx.close();
  });
});
