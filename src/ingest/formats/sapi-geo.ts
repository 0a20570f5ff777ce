// Places from the Species+ 2013 seed: the six CITES regions, countries and
// territories as CITES sees them (type, 'Under' sovereign, CITES region),
// French/Spanish names, and former or adapted entities. The ISO country-codes
// importer (order 10) runs first: these importers complete its rows (fill
// missing names, set parent and currency) and add what ISO lacks, never
// duplicating a code.
import { geoEntities } from '../../db/schema.js';
import { mergeNames } from '../cells/places.js';
import { readCsv, type CsvRecord } from '../csv.js';
import type { ImportContext, Importer } from '../run.js';
import { clean, legacyAsOf } from '../cells/legacy.js';
import { syncFacts, countLines, type Fact } from '../write/facts.js';

const DIR = 'sapi-legacy-2013/lib/files';
type GeoRow = typeof geoEntities.$inferSelect;

/** CITES region n is stored as a REGION entity with the code 'R<n>' (digits never clash with ISO codes). */
export const regionCode = (n: number | string) => `R${n}`;

interface GeoFact { line: number; iso2: string; values: Partial<GeoRow>; fillOnly?: (keyof GeoRow)[]; addNames?: string[] }

/**
 * Write geo facts: new codes are inserted whole; for existing codes, fields in
 * fillOnly are set only where empty, the others are set when they differ.
 */
async function writeGeo(ctx: ImportContext, facts: GeoFact[]): Promise<void> {
  const existing = new Map((await ctx.tx.select().from(geoEntities)).map((g) => [g.iso2.trim(), g]));
  const out: Fact[] = [];
  for (const f of facts) {
    const before = existing.get(f.iso2);
    const values: Record<string, unknown> = { iso2: f.iso2 };
    for (const [k, v] of Object.entries(f.values)) {
      const fill = f.fillOnly?.includes(k as keyof GeoRow);
      values[k] = before && fill && before[k as keyof GeoRow] != null ? before[k as keyof GeoRow] : v;
    }
    // Other names are added to the ones known, never removed (several sources name places).
    if (f.addNames) values.otherNames = mergeNames(before?.otherNames ?? [], f.addNames, (values.nameEn as string | undefined) ?? before?.nameEn);
    if (!before && values.nameEn == null) { ctx.reject(f.line, 'name', `a name for the new code ${f.iso2}`); continue; }
    if (!before && values.type == null) { ctx.reject(f.line, 'type', `a type for the new code ${f.iso2}`); continue; }
    out.push({ key: f.iso2, line: f.line, values });
  }
  const existingFacts = new Map([...existing].map(([k, g]) => [k, g as unknown as Record<string, unknown> & { id: number }]));
  const { status } = await syncFacts(ctx, geoEntities, out, { existing: existingFacts });
  countLines(ctx, out, status);
}

async function collect(ctx: ImportContext, required: string[], toFact: (r: CsvRecord) => GeoFact | string | null): Promise<GeoFact[]> {
  const facts: GeoFact[] = [];
  const seen = new Set<string>();
  for await (const rec of readCsv(ctx.file, { required, onBytes: ctx.progress })) {
    const f = toFact(rec);
    if (f == null) continue;
    if (typeof f === 'string') { ctx.reject(rec.line, f.split('|')[0], f.split('|')[1]); continue; }
    if (seen.has(f.iso2)) { ctx.reject(rec.line, 'iso2', `a unique code; ${f.iso2} appears twice`); continue; }
    seen.add(f.iso2);
    facts.push(f);
  }
  return facts;
}

const ISO2 = /^[A-Z]{2}$/;
const LEGACY_CODE = /^[A-Z][A-Z0-9]$/;

export const importers: Importer[] = [
  {
    format: 'sapi-cites-regions',
    asOf: legacyAsOf,
    description: 'Species+ 2013: the six CITES regions with en/es/fr names (cites_regions_utf8.csv)',
    seed: [{ order: 30, path: `${DIR}/cites_regions_utf8.csv` }],
    async run(ctx) {
      const facts = await collect(ctx, ['name', 'name_es', 'name_fr'], ({ line, values: v }) => {
        const n = /^(\d)-/.exec(v.name.trim())?.[1];
        if (!n) return `name|a region name starting with its number ('1- Africa'), got '${v.name}'`;
        return { line, iso2: regionCode(n), values: { type: 'REGION', nameEn: v.name.trim(), nameEs: clean(v.name_es), nameFr: clean(v.name_fr), isCurrent: true } };
      });
      await writeGeo(ctx, facts);
    },
  },
  {
    format: 'sapi-countries',
    asOf: legacyAsOf,
    description: 'Species+ 2013 countries and territories: type, sovereign (Under), CITES region, currency (countries_utf8.csv, CR line endings)',
    seed: [{ order: 31, path: `${DIR}/countries_utf8.csv` }],
    async run(ctx) {
      const facts = await collect(ctx, ['ISO2', 'short_name', 'Geo_entity', 'Under', 'Current_name', 'CITES Region'], ({ line, values: v }) => {
        const iso2 = v.ISO2.trim().toUpperCase();
        // Species+ also had legacy codes such as S1 (Sudan before 2011).
        if (!LEGACY_CODE.test(iso2)) return `ISO2|a two-character code (ISO or Species+ legacy such as S1), got '${v.ISO2}'`;
        const kind = v.Geo_entity.trim().toUpperCase();
        if (kind !== 'COUNTRY' && kind !== 'TERRITORY') return `Geo_entity|Country or Territory, got '${v.Geo_entity}'`;
        const under = clean(v.Under)?.toUpperCase() ?? null;
        if (under && !ISO2.test(under)) return `Under|a two-letter ISO code, got '${v.Under}'`;
        const region = clean(v['CITES Region']);
        if (region && !/^[1-6]$/.test(region)) return `CITES Region|a CITES region number 1-6, got '${region}'`;
        const current = v.Current_name.trim().toUpperCase();
        if (current !== 'Y' && current !== 'N') return `Current_name|Y or N, got '${v.Current_name}'`;
        return {
          line, iso2,
          values: { nameEn: v.short_name.trim(), type: kind, parentIso2: under ?? (region ? regionCode(region) : null), isCurrent: current === 'Y' },
          fillOnly: ['nameEn', 'type'], // the ISO importer's names and independence win
          addNames: [v.short_name, v.long_name ?? ''],
        };
      });
      await writeGeo(ctx, facts);
    },
  },
  {
    format: 'sapi-country-names',
    asOf: legacyAsOf,
    description: 'Species+ 2013 French and Spanish short names of countries (country_codes_en_es_fr_utf8.csv); fills missing names only',
    seed: [{ order: 33, path: `${DIR}/country_codes_en_es_fr_utf8.csv` }],
    async run(ctx) {
      const known = new Set((await ctx.tx.select({ iso2: geoEntities.iso2 }).from(geoEntities)).map((g) => g.iso2.trim()));
      const facts = await collect(ctx, ['iso_country_code', 'iso_french_short_name', 'iso_spanish_short_name'], ({ line, values: v }) => {
        const iso2 = v.iso_country_code.trim().toUpperCase();
        if (!ISO2.test(iso2)) return `iso_country_code|a two-letter ISO code, got '${v.iso_country_code}'`;
        if (!known.has(iso2)) return `iso_country_code|a known country or territory, got '${iso2}'`;
        return { line, iso2, values: { nameFr: clean(v.iso_french_short_name), nameEs: clean(v.iso_spanish_short_name) }, fillOnly: ['nameFr', 'nameEs'] };
      });
      await writeGeo(ctx, facts);
    },
  },
  {
    format: 'sapi-former-geo',
    asOf: legacyAsOf,
    description: 'Species+ 2013 former and adapted geo entities (DD, ZC, XK, trade codes ...) with en/fr/es names (former_and_adapted_geo_entities.csv)',
    seed: [{ order: 32, path: `${DIR}/former_and_adapted_geo_entities.csv` }],
    async run(ctx) {
      const facts = await collect(ctx, ['name_en', 'iso2_code', 'name_fr', 'name_es', 'legacy_type', 'is_current'], ({ line, values: v }) => {
        const iso2 = v.iso2_code.trim().toUpperCase();
        if (!ISO2.test(iso2)) return `iso2_code|a two-letter ISO code, got '${v.iso2_code}'`;
        const type = v.legacy_type.trim().toUpperCase();
        if (!['COUNTRY', 'TERRITORY', 'TRADE_ENTITY'].includes(type)) return `legacy_type|COUNTRY, TERRITORY or TRADE_ENTITY, got '${v.legacy_type}'`;
        const cur = v.is_current.trim().toUpperCase();
        if (cur !== 'TRUE' && cur !== 'FALSE') return `is_current|TRUE or FALSE, got '${v.is_current}'`;
        return {
          line, iso2,
          values: { nameEn: v.name_en.trim(), nameFr: clean(v.name_fr), nameEs: clean(v.name_es), type, isCurrent: cur === 'TRUE' },
          fillOnly: ['nameEn', 'nameFr', 'nameEs', 'type'],
        };
      });
      await writeGeo(ctx, facts);
    },
  },
];
