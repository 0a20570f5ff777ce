// Renders the implementation report as HTML (printable page), CSV (one line a
// result) or DOCX (a Word table, via the docx package).
import { stringify } from 'csv-stringify/sync';
import {
  AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { resultsToPrint, statusCounts, type ImplementationReport } from './model.js';

export const REPORT_FORMATS = ['html', 'docx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export interface Rendered { body: Buffer | string; contentType: string; extension: ReportFormat }

export async function renderReport(r: ImplementationReport, format: ReportFormat): Promise<Rendered> {
  if (format === 'csv') return { body: renderCsv(r), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  if (format === 'docx') return { body: await renderDocx(r), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
  return { body: renderHtml(r), contentType: 'text/html; charset=utf-8', extension: 'html' };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const summary = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
const title = (r: ImplementationReport) => `Implementation of the ${r.programme.title.replace(/^(Draft |Implementation of the )/i, '')}`;

export function renderHtml(r: ImplementationReport): string {
  const themes = r.themes.map((t) => {
    const rows = t.rows.map((row) => {
      const { results, seeAlso } = resultsToPrint(row);
      const res = results.map((x) => `<p><span class="meta">${esc(x.date)} · ${esc(x.status)} · ${esc(x.author)}</span><br>${esc(x.text)}</p>`).join('')
        + seeAlso.map((c) => `<p class="meta">See ${esc(c)}.</p>`).join('') || '<p class="meta">No result reported.</p>';
      return `<tr><th scope="row">${esc(row.code)}</th><td>${row.heading ? `<strong>${esc(row.heading)}</strong><br>` : ''}${esc(row.text).replace(/\n/g, '<br>')}<p class="meta">Status: ${esc(row.status)} · Lead: ${esc(row.leadSecretariats.join(', '))} · Updated ${esc(row.updatedAt.slice(0, 10))}</p></td><td>${res}</td></tr>`;
    }).join('\n');
    return `<h2>${esc(t.code)}. ${esc(t.title)}</h2>\n<p class="meta">${esc(summary(statusCounts(t.rows)))}</p>\n<table><thead><tr><th scope="col">Code</th><th scope="col">Description of joint activities</th><th scope="col">Results</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
  }).join('\n');
  const funding = r.funding.length ? `<h2>Funding</h2><ul>${r.funding.map((f) => `<li>${esc(f.activityCode ?? '')} ${f.amount.toLocaleString('en')} ${esc(f.currency)} (${f.year ?? ''}) from ${esc(f.donor)}: ${esc(f.purpose)}</li>`).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title(r))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{border:1px solid #999;padding:.4rem;vertical-align:top;text-align:left}td{width:48%}.meta{color:#444;font-size:.9em}</style>
</head><body><h1>${esc(title(r))}</h1>
<p class="meta">Programme ${esc(r.programme.code)} (${esc(r.programme.status)}) · generated ${esc(r.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>
${themes}
${funding}
</body></html>
`;
}

export function renderCsv(r: ImplementationReport): string {
  const records: string[][] = [['theme', 'theme_title', 'activity', 'heading', 'activity_text', 'activity_status', 'lead_secretariats', 'activity_updated', 'result_date', 'result_status', 'result_author', 'result_text', 'result_filed_under']];
  for (const t of r.themes) for (const row of t.rows) {
    const base = [t.code, t.title, row.code, row.heading ?? '', row.text, row.status, row.leadSecretariats.join(' '), row.updatedAt.slice(0, 10)];
    if (!row.results.length) records.push([...base, '', '', '', '', '']);
    for (const x of row.results) records.push([...base, x.date, x.status, x.author, x.text, x.sharedFrom ?? row.code]);
  }
  return stringify(records);
}

const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE } });
const para = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] });

export async function renderDocx(r: ImplementationReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: title(r), heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }),
    para(`Programme ${r.programme.code} (${r.programme.status}); generated ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, { italics: true, size: 18 }),
  ];
  for (const t of r.themes) {
    children.push(new Paragraph({ text: `${t.code}. ${t.title}`, heading: HeadingLevel.HEADING_2 }));
    children.push(para(summary(statusCounts(t.rows)), { italics: true, size: 18 }));
    const header = new TableRow({ tableHeader: true, children: [cell([para('Description of joint activities', { bold: true })], 50), cell([para('Results', { bold: true })], 50)] });
    const rows = t.rows.map((row) => {
      const { results, seeAlso } = resultsToPrint(row);
      const left = [
        ...(row.heading ? [para(row.heading, { bold: true })] : []),
        ...row.text.split('\n').map((line, i) => para(i === 0 ? `${row.code}. ${line}` : line)),
        para(`Status: ${row.status}; lead: ${row.leadSecretariats.join(', ')}; updated ${row.updatedAt.slice(0, 10)}`, { italics: true, size: 16 }),
      ];
      const right = [
        ...results.flatMap((x) => [para(`${x.date} · ${x.status} · ${x.author}`, { italics: true, size: 16 }), para(x.text)]),
        ...seeAlso.map((c) => para(`See ${c}.`, { italics: true })),
      ];
      return new TableRow({ children: [cell(left, 50), cell(right.length ? right : [para('No result reported.', { italics: true })], 50)] });
    });
    children.push(new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }));
  }
  if (r.funding.length) {
    children.push(new Paragraph({ text: 'Funding', heading: HeadingLevel.HEADING_2 }));
    for (const f of r.funding) children.push(para(`${f.activityCode ?? ''} ${f.amount.toLocaleString('en')} ${f.currency} (${f.year ?? ''}) from ${f.donor}: ${f.purpose}`));
  }
  const doc = new Document({ creator: 'Concord', title: title(r), sections: [{ children }] });
  return Packer.toBuffer(doc);
}
