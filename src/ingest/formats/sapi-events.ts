// Events, CoP dates, # annotations and the language table of the Species+
// 2013 seed. Events are keyed by (convention, name); the 2013 Legacy_ID is
// kept as '<designation>:<id>' because the # annotations refer to it.
import { eq } from 'drizzle-orm';
import { events, hashAnnotations, meta } from '../../db/schema.js';
import { readCsv } from '../csv.js';
import type { ImportContext, Importer } from '../run.js';
import { LANGUAGES_META_KEY } from '../write/names.js';
import { clean, legacyAsOf } from '../cells/legacy.js';
import { parseDmy } from '../../taxonomy/dates.js';
import { syncFacts, countLines, type Fact } from '../write/facts.js';

const DIR = 'sapi-legacy-2013/lib/files';

/** Event Type of events_utf8.csv -> events.type. */
const EVENT_TYPES: Record<string, string> = {
  'CITES COP': 'COP',
  'CITES SUSPENSION NOTIFICATION': 'SUSPENSION_NOTIFICATION',
  'BASIC AND AMENDMENTS': 'EU_REGULATION',
  'SUSPENSION': 'EU_SUSPENSION_REGULATION',
};


async function existingEvents(ctx: ImportContext) {
  const rows = await ctx.tx.select().from(events);
  return new Map(rows.map((e) => [`${e.convention}|${e.name}`, e as unknown as Record<string, unknown> & { id: number }]));
}

async function writeEvents(ctx: ImportContext, facts: Fact[]) {
  const existing = await existingEvents(ctx);
  // A date given by one file is not erased by another file that lacks it.
  for (const f of facts) {
    const before = existing.get(f.key);
    if (before && f.values.effectiveAt == null && before.effectiveAt != null) f.values.effectiveAt = before.effectiveAt;
    if (before && f.values.legacyId == null && before.legacyId != null) f.values.legacyId = before.legacyId;
  }
  const { status } = await syncFacts(ctx, events, facts, { existing });
  countLines(ctx, facts, status);
}

/** ISO 639-1 codes of languages whose ISO-1 cell languages_utf8.csv leaves empty. */
const ISO_639_1_MISSING: Record<string, string> = { NLD: 'nl', ZHO: 'zh', HRV: 'hr', SQI: 'sq', HYE: 'hy', EUS: 'eu', MYA: 'my' };

export const importers: Importer[] = [
  {
    format: 'sapi-events',
    asOf: legacyAsOf,
    description: 'Species+ 2013 events: CITES CoPs, CITES suspension notifications, EU regulations (events_utf8.csv)',
    seed: [{ order: 34, path: `${DIR}/events_utf8.csv` }],
    async run(ctx) {
      const facts: Fact[] = [];
      const seen = new Set<string>();
      for await (const { line, values: v } of readCsv(ctx.file, { required: ['Legacy_ID', 'Designation', 'LnmShortDesc', 'Date valid from', 'Event Type', 'LnmURL'], onBytes: ctx.progress })) {
        const convention = v.Designation.trim().toUpperCase();
        if (!['CITES', 'EU', 'CMS'].includes(convention)) { ctx.reject(line, 'Designation', `CITES, EU or CMS, got '${v.Designation}'`); continue; }
        const type = EVENT_TYPES[v['Event Type'].trim().toUpperCase()];
        if (!type) { ctx.reject(line, 'Event Type', `one of ${Object.keys(EVENT_TYPES).join(', ')}, got '${v['Event Type']}'`); continue; }
        const name = clean(v.LnmShortDesc);
        if (!name) { ctx.reject(line, 'LnmShortDesc', 'an event name'); continue; }
        const effectiveAt = parseDmy(v['Date valid from']);
        if (effectiveAt === undefined) { ctx.reject(line, 'Date valid from', `a date DD/MM/YYYY, got '${v['Date valid from']}'`); continue; }
        const key = `${convention}|${name}`;
        if (seen.has(key)) { ctx.reject(line, 'LnmShortDesc', `a unique event name; ${name} appears twice`); continue; }
        seen.add(key);
        facts.push({ key, line, values: { convention, name, type, effectiveAt, url: clean(v.LnmURL), legacyId: `${convention}:${v.Legacy_ID.trim()}` } });
      }
      await writeEvents(ctx, facts);
    },
  },
  {
    format: 'sapi-cops',
    asOf: legacyAsOf,
    description: 'Species+ 2013 CITES CoP start dates (cites_cops_start_dates.csv): sets the CoP events\' dates',
    seed: [{ order: 35, path: `${DIR}/cites_cops_start_dates.csv` }],
    async run(ctx) {
      const facts: Fact[] = [];
      for await (const { line, values: v } of readCsv(ctx.file, { required: ['designation', 'name', 'start_date'], onBytes: ctx.progress })) {
        const convention = v.designation.trim().toUpperCase();
        if (convention !== 'CITES' && convention !== 'CMS') { ctx.reject(line, 'designation', `CITES or CMS, got '${v.designation}'`); continue; }
        const effectiveAt = parseDmy(v.start_date);
        if (!effectiveAt) { ctx.reject(line, 'start_date', `a date DD/MM/YYYY, got '${v.start_date}'`); continue; }
        const name = v.name.trim();
        if (!/^(Pre-)?CoP\d+$/i.test(name)) { ctx.reject(line, 'name', `a CoP name like CoP16, got '${v.name}'`); continue; }
        facts.push({ key: `${convention}|${name}`, line, values: { convention, name, type: 'COP', effectiveAt } });
      }
      await writeEvents(ctx, facts);
    },
  },
  {
    format: 'sapi-hash-annotations',
    asOf: legacyAsOf,
    description: 'Species+ 2013 CITES # annotations with their CoP (hash_annotations_cites_utf8.csv)',
    seed: [{ order: 36, path: `${DIR}/hash_annotations_cites_utf8.csv` }],
    async run(ctx) {
      const eventIds = new Map((await ctx.tx.select({ id: events.id, legacyId: events.legacyId }).from(events).where(eq(events.convention, 'CITES')))
        .map((e) => [e.legacyId ?? '', e.id]));
      const existing = new Map((await ctx.tx.select().from(hashAnnotations)).map((h) => [`${h.convention}|${h.displayName}`, h as unknown as Record<string, unknown> & { id: number }]));
      const facts: Fact[] = [];
      const seen = new Set<string>();
      for await (const { line, values: v } of readCsv(ctx.file, { required: ['Hash No', 'Event No', 'For Display', 'Text'], onBytes: ctx.progress })) {
        const symbol = v['Hash No'].trim();
        // '>1' is the pre-1985 spelling of the same kind of annotation.
        if (!/^[#>]\d+$/.test(symbol)) { ctx.reject(line, 'Hash No', `an annotation symbol like #1 or >1, got '${v['Hash No']}'`); continue; }
        const eventId = eventIds.get(`CITES:${v['Event No'].trim()}`);
        if (eventId == null) { ctx.reject(line, 'Event No', `a known CITES event (events_utf8.csv Legacy_ID), got '${v['Event No']}'`); continue; }
        const displayName = v['For Display'].trim();
        const key = `CITES|${displayName}`;
        if (seen.has(key)) { ctx.reject(line, 'For Display', `a unique name; ${displayName} appears twice`); continue; }
        seen.add(key);
        facts.push({ key, line, values: { convention: 'CITES', symbol, eventId, displayName, textEn: clean(v.Text) } });
      }
      const { status } = await syncFacts(ctx, hashAnnotations, facts, { existing });
      countLines(ctx, facts, status);
    },
  },
  {
    format: 'sapi-languages',
    asOf: legacyAsOf,
    description: 'Species+ 2013 language table: 3-letter code -> ISO 639-1 (languages_utf8.csv, CR line endings), used by the common-name importers',
    seed: [{ order: 37, path: `${DIR}/languages_utf8.csv` }],
    async run(ctx) {
      const [row] = await ctx.tx.select().from(meta).where(eq(meta.key, LANGUAGES_META_KEY));
      const before = (row?.value ?? {}) as Record<string, string>;
      const map: Record<string, string> = {};
      for await (const { line, values: v } of readCsv(ctx.file, { required: ['ISO-3', 'LangShort', 'ISO-1'], onBytes: ctx.progress })) {
        const code3 = v['ISO-3'].trim().toUpperCase();
        if (!/^[A-Z]{3}$/.test(code3)) { ctx.reject(line, 'ISO-3', `a three-letter code, got '${v['ISO-3']}'`); continue; }
        const iso1 = v['ISO-1'].trim().toLowerCase();
        if (iso1 && !/^[a-z]{2}$/.test(iso1)) { ctx.reject(line, 'ISO-1', `a two-letter ISO 639-1 code or nothing, got '${v['ISO-1']}'`); continue; }
        if (map[code3]) { ctx.reject(line, 'ISO-3', `a unique code; ${code3} appears twice`); continue; }
        // The file leaves ISO-1 empty for some languages that have one (Dutch,
        // Chinese ...): use the standard code; otherwise keep the 3-letter code
        // in lower case, as BCP 47 does.
        map[code3] = iso1 || ISO_639_1_MISSING[code3] || code3.toLowerCase();
        if (before[code3] === map[code3]) ctx.counts.unchanged++;
        else if (before[code3]) ctx.counts.updated++;
        else ctx.counts.accepted++;
      }
      if (ctx.counts.accepted + ctx.counts.updated > 0 || Object.keys(before).length !== Object.keys(map).length) {
        await ctx.tx.insert(meta).values({ key: LANGUAGES_META_KEY, value: { ...before, ...map } })
          .onConflictDoUpdate({ target: meta.key, set: { value: { ...before, ...map }, updatedAt: new Date() } });
      }
    },
  },
];
