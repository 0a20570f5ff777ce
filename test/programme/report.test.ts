// The implementation report: Annex-1 table by theme in HTML, CSV and DOCX
// (a valid Office Open XML package: checked with LibreOffice when installed, else by unzipping and parsing its XML).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { describeEachDatabase } from '../support/databases.js';
import { tempDir } from '../support/data.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { loadImplementationReport } from '../../src/report/load.js';
import { renderReport } from '../../src/report/render.js';
import type { ImplementationReport } from '../../src/report/model.js';
import { seedDocument } from './support.js';

/** Tag balance of an XML document (elements open and close in order); throws with the offending tag. */
function assertWellFormed(xml: string, name: string) {
  const stack: string[] = [];
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g)) {
    if (m[4]) continue;
    if (m[1]) { const open = stack.pop(); if (open !== m[2]) throw new Error(`${name}: </${m[2]}> closes <${open}>`); } else stack.push(m[2]);
  }
  if (stack.length) throw new Error(`${name}: unclosed <${stack.at(-1)}>`);
  if (/<(?![/?!A-Za-z_])|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(body)) throw new Error(`${name}: a bare < or & outside markup`);
}

describeEachDatabase('implementation report', (get) => {
  let r2015: ImplementationReport;
  beforeAll(async () => {
    await runImport(get(), await importerFor('work-programme'), seedDocument, { progress: false });
    r2015 = (await loadImplementationReport(get(), '2015-2020'))!;
  });

  it('groups activities by theme with their results, printing a shared result once', async () => {
    expect(r2015.themes.map((t) => t.code)).toEqual(['A', 'B', 'C', 'D']);
    const b = r2015.themes[1];
    expect(b.rows.map((r) => r.code)).toHaveLength(21);
    const html = (await renderReport(r2015, 'html')).body as string;
    expect(html).toMatch(/<h2>B\. Joint activities addressing shared species and issues of common interest<\/h2>/);
    expect(html).toMatch(/<th scope="row">B4<\/th>.*See B3\./);
    expect(html.match(/The CITES and CMS collaboration was effective/g)).toHaveLength(1);
    expect(html).toMatch(/20,000 USD \(2020\) from Law Division of UNEP/);
    expect(await loadImplementationReport(get(), '1999-2000')).toBeNull();
  });

  it('CSV has one line a result with activity status and dates', async () => {
    const rows = parseCsv((await renderReport(r2015, 'csv')).body as string, { columns: true }) as Record<string, string>[];
    const c5 = rows.filter((r) => r.activity === 'C5');
    expect(c5).toHaveLength(1);
    expect(c5[0]).toMatchObject({ theme: 'C', activity_status: 'completed', result_date: '2020-12-31', result_status: 'completed', result_filed_under: 'C5' });
    expect(c5[0].result_text).toMatch(/^Funding \(20,000 USD\) was jointly raised in 2020/);
    expect(rows.filter((r) => r.activity === 'B4').map((r) => r.result_filed_under)).toEqual(['B3']);
  });

  it('DOCX is a Word package a word processor opens', async () => {
    const out = await renderReport(r2015, 'docx');
    const dir = tempDir();
    const file = path.join(dir, 'implementation-2015-2020.docx');
    fs.writeFileSync(file, out.body);
    const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim();
    if (soffice) {
      execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
      expect(fs.readFileSync(path.join(dir, 'implementation-2015-2020.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      return;
    }
    const list = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n');
    expect(list).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', '_rels/.rels']));
    const xml = (name: string) => execFileSync('unzip', ['-p', file, name.replace(/[[\]]/g, '\\$&')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const name of ['[Content_Types].xml', 'word/document.xml', '_rels/.rels', 'word/styles.xml']) assertWellFormed(xml(name), name);
    expect(xml('[Content_Types].xml')).toMatch(/wordprocessingml\.document\.main\+xml/);
    const doc = xml('word/document.xml');
    expect(doc.match(/<w:tbl>/g)).toHaveLength(4);
    expect(doc).toMatch(/Law Division of UNEP/);
    expect(() => assertWellFormed('<a><b></a>', 'broken')).toThrow(/closes/);
  });
});
