// Presenters for the alignment products: JSON (the API/CLI contract), CSV and
// Markdown. Pure: rows in, text out.
import { stringify } from 'csv-stringify/sync';
import type { AlignmentRow, ClassSummary, DataIssue, ConceptSide, CmsCategory, CitesCategory } from './repository.js';
import { reasonView } from '../listings/current.js';

export type OutputFormat = 'csv' | 'json' | 'md';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'json', 'md'];

/**
 * The one row shape of the joint list and the alignment report, for the API
 * and the CLI alike: the contract row ({cms, cites, relation, basis,
 * confidence, review}) plus origin, difference, the higher taxa (as
 * class/order/family and, as the CLI always gave them, className/orderName/familyName),
 * evidence and comment. Each side's reasons are the listing engine's, each with its text.
 */
export function presentRow(r: AlignmentRow) {
  const side = (s: ConceptSide) => ({
    id: s.id, name: s.name, author: s.author, rank: s.rank, listing: s.listing, appendices: [...s.appendices], category: s.category,
    reasons: (s.reasons ?? []).filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null).map((x) => reasonView({ ...x, text: reasonText(x) })),
    instruments: s.instruments ?? [], via_higher_taxon: s.viaHigherTaxon ?? false,
  });
  return {
    cms: side(r.cms),
    cites: r.cites ? side(r.cites) : null,
    relation: r.relation, basis: r.basis, confidence: r.confidence, review: r.review,
    origin: r.origin, difference: r.difference,
    class: r.className, order: r.orderName, family: r.familyName,
    className: r.className, orderName: r.orderName, familyName: r.familyName,
    evidence: r.evidence, comment: r.comment,
  };
}

/** One line per reason: the listing engine's text, else appendix, date and populations of the listing change. */
export function reasonText(reason: unknown): string {
  const r = reason as Record<string, unknown>;
  if (typeof r?.text === 'string' && r.text) return r.text;
  const appendix = String(r?.appendix ?? '?');
  // CMS agreements and MoUs (AEWA, 'High Andean Flamingos') are named as they are.
  const parts = [['I', 'II', 'III', '?'].includes(appendix) ? `Appendix ${appendix}` : appendix];
  if (r?.effectiveAt) parts.push(`since ${String(r.effectiveAt)}`);
  const inc = (r?.populationsIncluded as string[] | undefined) ?? [];
  const exc = (r?.populationsExcluded as string[] | undefined) ?? [];
  if (inc.length) parts.push(`populations of ${inc.join(', ')}`);
  if (exc.length) parts.push(`except populations of ${exc.join(', ')}`);
  if (r?.party) parts.push(`(${String(r.party)})`);
  return parts.join(' ');
}

/** The one CSV layout of the joint list and the alignment report (CLI and API). */
export const CSV_COLUMNS = [
  'cms_id', 'cms_name', 'cms_rank', 'cms_listing', 'cms_category', 'cites_id', 'cites_name', 'cites_rank', 'cites_listing', 'cites_category',
  'relation', 'basis', 'confidence', 'review', 'origin', 'difference', 'class', 'order', 'family', 'cms_reasons', 'cites_reasons', 'candidates', 'comment',
  'cms_author', 'cites_author', 'cms_instruments', 'cites_via_higher_taxon',
];

export function csvRow(r: AlignmentRow): (string | number | boolean)[] {
  return [
    r.cms.id, r.cms.name, r.cms.rank, r.cms.listing ?? '', r.cms.category,
    r.cites?.id ?? '', r.cites?.name ?? '', r.cites?.rank ?? '', r.cites?.listing ?? '', r.cites?.category ?? 'none',
    r.relation, r.basis, r.confidence, r.review, r.origin, r.difference, r.className ?? '', r.orderName ?? '', r.familyName ?? '',
    r.cms.reasons.map(reasonText).join('; '), (r.cites?.reasons ?? []).map(reasonText).join('; '), candidatesText(r), r.comment ?? '',
    r.cms.author ?? '', r.cites?.author ?? '', (r.cms.instruments ?? []).map((i) => i.name).join('; '), r.cites?.viaHigherTaxon ?? false,
  ];
}

/** CSV text with a header; `bom` for spreadsheets (the API's downloads). */
export function toCsv(rows: AlignmentRow[], opts: { bom?: boolean; crlf?: boolean } = {}): string {
  const text = stringify(rows.map(csvRow), { header: true, columns: CSV_COLUMNS, record_delimiter: opts.crlf ? '\r\n' : 'unix', cast: { boolean: (b) => (b ? 'true' : 'false') } });
  return opts.bom ? `\uFEFF${text}` : text;
}

function candidatesText(r: AlignmentRow): string {
  const c = (r.evidence?.candidates as { name: string; distance: number }[] | undefined) ?? [];
  return c.map((x) => `${x.name} (${x.distance})`).join('; ');
}

const cell = (s: unknown) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function toMarkdownTable(rows: AlignmentRow[]): string {
  const head = '| CMS name | CMS listing | CITES name | CITES listing | link | basis | confidence | review | name difference | class |';
  const lines = rows.map((r) => `| ${cell(r.cms.name)} (${r.cms.rank.toLowerCase()}) | ${cell(r.cms.listing ?? '-')} | ${r.cites ? `${cell(r.cites.name)} (${r.cites.rank.toLowerCase()})` : `none${candidatesText(r) ? `; nearest: ${cell(candidatesText(r))}` : ''}`} | ${cell(r.cites?.listing ?? '-')} | ${r.relation} | ${r.basis} | ${r.confidence} | ${r.review ? 'yes' : ''} | ${r.difference.replace(/_/g, ' ')} | ${cell(r.className)} |`);
  return [head, '|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}

export function matrixMarkdown(m: Record<CmsCategory, Record<CitesCategory, number>>): string {
  const cites = Object.keys(Object.values(m)[0] ?? {}) as CitesCategory[];
  const label = (k: string) => (k === 'none' ? 'not listed' : k === 'agreement' ? 'agreement only' : k);
  const lines = [`| CMS \\ CITES | ${cites.map(label).join(' | ')} |`, `|---|${cites.map(() => '---').join('|')}|`];
  for (const [cms, row] of Object.entries(m)) lines.push(`| ${label(cms)} | ${cites.map((c) => row[c]).join(' | ')} |`);
  return lines.join('\n');
}

export function summaryMarkdown(byClass: ClassSummary[], issues: DataIssue[]): string {
  const out = ['## Alignment by class', '', '| class | CMS concepts | linked | equal | no counterpart | to review | aligned % |', '|---|---|---|---|---|---|---|'];
  for (const c of byClass) out.push(`| ${cell(c.className)} | ${c.cmsConcepts} | ${c.linked} | ${c.equal} | ${c.disjunct} | ${c.review} | ${c.alignedPercent} |`);
  out.push('', `## Data issues (${issues.length})`, '');
  for (const i of issues) out.push(`- ${i.kind.replace(/_/g, ' ')}: ${i.convention ?? ''} ${i.name} (#${i.taxonConceptId}) — ${i.detail}`);
  return out.join('\n');
}
