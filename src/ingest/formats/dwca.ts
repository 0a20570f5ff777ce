// Darwin Core Archive (zip with meta.xml): Taxon core, VernacularName and
// Distribution extensions, as Concord's own export writes them and as GBIF
// checklists do. datasetID says the taxonomy (CITES or CMS).
import fs from 'node:fs';
import zlib from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { taxonConcepts, taxonRelationships, commonNames, distributions, geoEntities } from '../../db/schema.js';
import { nameKey } from '../../taxonomy/keys.js';
import { toRank, DISTRIBUTION_TAGS } from '../../taxonomy/ranks.js';
import { ImportRefused } from '../errors.js';
import type { Importer, ImportContext } from '../run.js';

const DWC = 'http://rs.tdwg.org/dwc/terms/';
const TAXON = `${DWC}Taxon`;
const VERNACULAR = 'http://rs.gbif.org/terms/1.0/VernacularName';
const DISTRIBUTION = 'http://rs.gbif.org/terms/1.0/Distribution';

/** Entries of a zip file (stored or deflated), by name. */
export function readZip(buf: Buffer, file: string): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new ImportRefused(file, null, null, 'a zip archive (no end-of-central-directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new ImportRefused(file, null, null, 'a zip archive (bad central directory)');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + size);
    try {
      out.set(name, method === 0 ? data : method === 8 ? zlib.inflateRawSync(data) : (() => { throw new Error(`compression method ${method}`); })());
    } catch (e) {
      throw new ImportRefused(file, null, name, `a readable zip entry (${(e as Error).message})`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

interface FileSpec { rowType: string; location: string; idIndex: number; ignoreHeader: number; delimiter: string; fields: Map<string, number> }

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) => s.replace(/\\t/g, '\t').replace(/\\n/g, '\n');

/** The core and extensions declared in meta.xml (DwC text guide). */
export function readMeta(xml: string, file: string): FileSpec[] {
  const specs: FileSpec[] = [];
  for (const m of xml.matchAll(/<(core|extension)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const [, kind, attrs, inner] = m;
    const location = /<location>([^<]+)<\/location>/.exec(inner)?.[1]?.trim();
    const idIndex = Number(attr(/<(id|coreid)\b[^>]*>/.exec(inner)?.[0] ?? '', 'index'));
    if (!location || !Number.isInteger(idIndex)) throw new ImportRefused(file, null, `meta.xml ${kind}`, 'a files/location and an id (core) or coreid (extension) with an index');
    const fields = new Map<string, number>();
    for (const f of inner.matchAll(/<field\b[^>]*>/g)) {
      const term = attr(f[0], 'term'); const index = attr(f[0], 'index');
      if (term && index !== undefined) fields.set(term.slice(term.lastIndexOf('/') + 1), Number(index));
    }
    specs.push({ rowType: attr(attrs, 'rowType') ?? '', location, idIndex, ignoreHeader: Number(attr(attrs, 'ignoreHeaderLines') ?? 0), delimiter: unescape(attr(attrs, 'fieldsTerminatedBy') ?? ','), fields });
  }
  if (!specs.some((s) => s.rowType === TAXON)) throw new ImportRefused(file, null, 'meta.xml', `a core of rowType ${TAXON}`);
  return specs;
}

function* rows(entries: Map<string, Buffer>, spec: FileSpec, file: string): Generator<{ line: number; get: (term: string) => string; id: string }> {
  const data = entries.get(spec.location);
  if (!data) throw new ImportRefused(file, null, spec.location, 'the data file named in meta.xml');
  let text: string;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(data); } catch { throw new ImportRefused(`${file}/${spec.location}`, null, null, 'UTF-8 text'); }
  const lines = text.split(/\r?\n/);
  for (let i = spec.ignoreHeader; i < lines.length; i++) {
    if (!lines[i]) continue;
    const cells = lines[i].split(spec.delimiter);
    yield { line: i + 1, id: cells[spec.idIndex] ?? '', get: (term) => { const k = spec.fields.get(term); return k === undefined ? '' : (cells[k] ?? '').trim(); } };
  }
}

const STATUS: Record<string, string> = { accepted: 'A', valid: 'A', synonym: 'S', 'heterotypic synonym': 'S', 'homotypic synonym': 'S', 'trade name': 'T', hybrid: 'H', 'not accepted': 'N' };

export const importer: Importer = {
  format: 'dwca',
  description: 'Darwin Core Archive checklist (zip with meta.xml: Taxon core, VernacularName and Distribution extensions; datasetID = CITES or CMS)',
  async run(ctx) {
    let buf: Buffer;
    try { buf = fs.readFileSync(ctx.file); } catch (e) { throw new ImportRefused(ctx.fileName, null, null, `a readable file (${(e as NodeJS.ErrnoException).code})`); }
    const entries = readZip(buf, ctx.fileName);
    const metaXml = entries.get('meta.xml');
    if (!metaXml) throw new ImportRefused(ctx.fileName, null, 'meta.xml', 'a meta.xml describing the archive');
    const specs = readMeta(metaXml.toString('utf8'), ctx.fileName);
    const ids = await importTaxa(ctx, entries, specs.find((s) => s.rowType === TAXON)!);
    for (const spec of specs) {
      if (spec.rowType === VERNACULAR) await importVernacular(ctx, entries, spec, ids);
      else if (spec.rowType === DISTRIBUTION) await importDistributions(ctx, entries, spec, ids);
      else if (spec.rowType !== TAXON) ctx.note(`${spec.location}: rowType ${spec.rowType} is not kept`);
    }
  },
};

/** Core rows -> concepts; returns archive taxonID -> concept id. */
async function importTaxa(ctx: ImportContext, entries: Map<string, Buffer>, spec: FileSpec): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const links: { id: number; accepted: string; parent: string; status: string; line: number }[] = [];
  for (const r of rows(entries, spec, ctx.fileName)) {
    const name = r.get('scientificName');
    const taxonomy = (r.get('datasetID') || '').toUpperCase();
    const rank = toRank(r.get('taxonRank'));
    const status = STATUS[r.get('taxonomicStatus').toLowerCase()];
    if (!r.id) { ctx.reject(r.line, `${spec.location}:taxonID`, 'a taxonID'); continue; }
    if (!name) { ctx.reject(r.line, `${spec.location}:scientificName`, 'a scientific name'); continue; }
    if (taxonomy !== 'CITES' && taxonomy !== 'CMS') { ctx.reject(r.line, `${spec.location}:datasetID`, `CITES or CMS, got '${r.get('datasetID')}'`); continue; }
    if (!rank) { ctx.reject(r.line, `${spec.location}:taxonRank`, `a rank (kingdom ... variety), got '${r.get('taxonRank')}'`); continue; }
    if (!status) { ctx.reject(r.line, `${spec.location}:taxonomicStatus`, `accepted, synonym, trade name, hybrid or not accepted, got '${r.get('taxonomicStatus')}'`); continue; }
    const row = {
      taxonomyId: taxonomy, fullName: name, authorYear: r.get('scientificNameAuthorship') || null, rank, nameStatus: status,
      kingdomName: r.get('kingdom') || null, phylumName: r.get('phylum') || null, className: r.get('class') || null,
      orderName: r.get('order') || null, familyName: r.get('family') || null, genusName: r.get('genus') || null, nameKey: nameKey(name),
    };
    const prov = { importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: r.line };
    const [before] = await ctx.tx.select().from(taxonConcepts)
      .where(and(eq(taxonConcepts.taxonomyId, taxonomy), eq(taxonConcepts.fullName, name), eq(taxonConcepts.nameStatus, status))).limit(1);
    let id: number;
    if (!before) {
      [{ id }] = await ctx.tx.insert(taxonConcepts).values({ ...row, data: { dwcTaxonID: r.id }, ...prov }).returning({ id: taxonConcepts.id });
      ctx.counts.accepted++;
    } else {
      id = before.id;
      const same = (Object.keys(row) as (keyof typeof row)[]).every((k) => before[k] === row[k]);
      if (same) ctx.counts.unchanged++;
      else { await ctx.tx.update(taxonConcepts).set({ ...row, updatedAt: new Date(), ...prov }).where(eq(taxonConcepts.id, id)); ctx.counts.updated++; }
    }
    ids.set(r.id, id);
    links.push({ id, accepted: r.get('acceptedNameUsageID'), parent: r.get('parentNameUsageID'), status, line: r.line });
  }
  for (const l of links) {
    if (l.parent) {
      const parent = ids.get(l.parent);
      if (parent) await ctx.tx.update(taxonConcepts).set({ parentId: parent }).where(eq(taxonConcepts.id, l.id));
      else ctx.reject(l.line, `${spec.location}:parentNameUsageID`, `a taxonID of this archive, got '${l.parent}'`);
    }
    if (l.status !== 'A' && l.accepted && l.accepted !== '') {
      const accepted = ids.get(l.accepted);
      if (!accepted) { ctx.reject(l.line, `${spec.location}:acceptedNameUsageID`, `a taxonID of this archive, got '${l.accepted}'`); continue; }
      const type = l.status === 'T' ? 'HAS_TRADE_NAME' : l.status === 'H' ? 'HAS_HYBRID' : 'HAS_SYNONYM';
      await ctx.tx.insert(taxonRelationships).values({ type, taxonConceptId: accepted, otherTaxonConceptId: l.id, importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: l.line }).onConflictDoNothing();
    }
  }
  return ids;
}

async function importVernacular(ctx: ImportContext, entries: Map<string, Buffer>, spec: FileSpec, ids: Map<string, number>) {
  for (const r of rows(entries, spec, ctx.fileName)) {
    const taxon = ids.get(r.id);
    const name = r.get('vernacularName');
    const language = r.get('language').toLowerCase();
    if (!taxon) { ctx.reject(r.line, `${spec.location}:taxonID`, `a taxonID of the core, got '${r.id}'`); continue; }
    if (!name || !/^[a-z]{2,3}$/.test(language)) { ctx.reject(r.line, `${spec.location}:language`, 'a vernacular name with an ISO 639 language'); continue; }
    const res = await ctx.tx.insert(commonNames).values({ taxonConceptId: taxon, name, language, nameKey: nameKey(name), importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: r.line })
      .onConflictDoNothing().returning({ id: commonNames.id });
    if (res.length) ctx.counts.accepted++; else ctx.counts.unchanged++;
  }
}

/** Tags from our own occurrenceRemarks when present, else from establishmentMeans / occurrenceStatus. */
function tagsOf(get: (t: string) => string): string[] {
  const remarks = get('occurrenceRemarks').split(';').map((s) => s.trim()).filter((s) => (DISTRIBUTION_TAGS as readonly string[]).includes(s));
  if (remarks.length) return remarks.sort();
  const tags: string[] = [];
  const means = get('establishmentMeans').toLowerCase(); const status = get('occurrenceStatus').toLowerCase();
  if (means === 'introduced') tags.push('INTRODUCED');
  if (means === 'reintroduced') tags.push('REINTRODUCED');
  if (status === 'absent') tags.push('EXTINCT');
  if (status === 'doubtful') tags.push('DISTRIBUTION UNCERTAIN');
  return tags.sort();
}

async function importDistributions(ctx: ImportContext, entries: Map<string, Buffer>, spec: FileSpec, ids: Map<string, number>) {
  const geo = new Map((await ctx.tx.select({ id: geoEntities.id, iso2: geoEntities.iso2 }).from(geoEntities)).map((g) => [g.iso2, g.id]));
  for (const r of rows(entries, spec, ctx.fileName)) {
    const taxon = ids.get(r.id);
    const iso2 = (r.get('countryCode') || r.get('locationID').replace(/^ISO3166-1:/, '')).toUpperCase();
    if (!taxon) { ctx.reject(r.line, `${spec.location}:taxonID`, `a taxonID of the core, got '${r.id}'`); continue; }
    const geoId = geo.get(iso2);
    if (!geoId) { ctx.reject(r.line, `${spec.location}:countryCode`, `a known ISO 3166 code, got '${iso2}' (import country-codes first)`); continue; }
    const tags = tagsOf(r.get);
    const res = await ctx.tx.insert(distributions).values({ taxonConceptId: taxon, geoEntityId: geoId, tags, importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: r.line })
      .onConflictDoNothing().returning({ id: distributions.id });
    if (res.length) ctx.counts.accepted++; else ctx.counts.unchanged++;
  }
}
