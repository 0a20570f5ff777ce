// Countries and territories from the ISO 3166 / UN M49 country-codes CSV
// (datasets/country-codes): ISO2/ISO3, UN M49 (3 digits), official names in
// en/fr/es, region.
// The model importer: stream rows, reject with reasons, upsert in one
// transaction, count accepted / updated / unchanged.
import { sql } from 'drizzle-orm';
import { geoEntities } from '../../db/schema.js';
import { readCsv } from '../csv.js';
import type { Importer } from '../run.js';
import { mergeNames } from '../cells/places.js';
import { sameValue } from '../write/rows.js';

const COLUMNS = ['ISO3166-1-Alpha-2', 'ISO3166-1-Alpha-3', 'M49', 'official_name_en', 'official_name_fr', 'official_name_es', 'is_independent', 'Region Name', 'CLDR display name', 'UNTERM English Short', 'UNTERM English Formal'];

/** The file gives M49 as a number ('4'); the code is three digits ('004'). Anything else is left empty, with a note. */
function m49Code(raw: string | undefined, line: number, note: (text: string) => void): string | null {
  const v = (raw ?? '').trim();
  if (!v) return null;
  if (/^\d{1,3}$/.test(v)) return v.padStart(3, '0');
  note(`line ${line}: M49 '${v.slice(0, 20)}' is not a numeric code of up to 3 digits; left empty`);
  return null;
}

export const importer: Importer = {
  format: 'country-codes',
  description: 'ISO 3166 countries and territories with names in en/fr/es (country-codes.csv)',
  seed: [{ order: 10, path: 'country-codes/country-codes.csv' }],
  async run(ctx) {
    const existing = new Map((await ctx.tx.select().from(geoEntities)).map((g) => [g.iso2, g]));
    const seen = new Set<string>();
    for await (const { line, values: v } of readCsv(ctx.file, { required: COLUMNS, onBytes: ctx.progress })) {
      const iso2 = v['ISO3166-1-Alpha-2'].trim().toUpperCase();
      if (!/^[A-Z]{2}$/.test(iso2)) { ctx.reject(line, 'ISO3166-1-Alpha-2', `a two-letter ISO code, got '${iso2}'`); continue; }
      if (seen.has(iso2)) { ctx.reject(line, 'ISO3166-1-Alpha-2', `a unique code; ${iso2} appears twice`); continue; }
      seen.add(iso2);
      // The official English short name (ISO 3166 / UN: 'United States of America'), not CLDR's 'US'.
      const nameEn = v.official_name_en || v['CLDR display name'];
      if (!nameEn) { ctx.reject(line, 'official_name_en', 'a name'); continue; }
      const row = {
        iso2,
        iso3: v['ISO3166-1-Alpha-3'] || null,
        m49: m49Code(v.M49, line, ctx.note),
        type: v.is_independent === 'Yes' ? 'COUNTRY' : 'TERRITORY',
        nameEn,
        nameFr: v.official_name_fr || null,
        nameEs: v.official_name_es || null,
        region: v['Region Name'] || null,
        // Names others write (CLDR 'US', UNTERM 'the Czech Republic'), kept with those other sources added.
        otherNames: mergeNames(existing.get(iso2)?.otherNames ?? [], [v['CLDR display name'], v['UNTERM English Short'], v['UNTERM English Formal']], nameEn),
      };
      const before = existing.get(iso2);
      if (before && (Object.keys(row) as (keyof typeof row)[]).every((k) => sameValue(before[k], row[k]))) { ctx.counts.unchanged++; continue; }
      await ctx.tx.insert(geoEntities)
        .values({ ...row, importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: line })
        .onConflictDoUpdate({
          target: geoEntities.iso2,
          set: { ...row, importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: line, isCurrent: sql`true` },
        });
      if (before) ctx.counts.updated++; else ctx.counts.accepted++;
    }
  },
};
