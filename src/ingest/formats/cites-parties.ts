// CITES Parties with their entry-into-force dates (citesdb cites_parties.tsv,
// tab-separated: country, code, former_code, non_ISO_code, date, data_source;
// date NA = not a Party), and the same layout without the date column
// (cites_manual_country_code_entries.csv, comma-separated).
// Codes the ISO list lacks are created as geo entities: CITES trade codes
// starting with X (and ZZ) are regions or pseudo-places (Africa, Unknown,
// Various, Introduction From the Sea) -> REGION; the others (former states such
// as ZR, YU, CS, SU, or non-ISO states such as KV) -> COUNTRY, not current when
// the row says former_code or the name starts with 'Former'.
import { sql } from 'drizzle-orm';
import { readCsv } from '../csv.js';
import type { Importer } from '../run.js';
import { insertRows, updateRows, deleteRows, selectRows, runIdsOf } from '../write/rows.js';
import { loadGeoByIso2 } from '../write/lookups.js';

const REQUIRED = ['country', 'code', 'former_code', 'non_ISO_code'];

const truthy = (v: string | undefined) => (v ?? '').trim().toUpperCase() === 'TRUE';

/** 'YYYY-MM-DD' when real; null for NA/empty; undefined when malformed. */
function entryIntoForce(value: string | undefined): string | null | undefined {
  const v = (value ?? '').trim();
  if (!v || v.toUpperCase() === 'NA') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v ? undefined : v;
}

export const importer: Importer = {
  format: 'cites-parties',
  description: 'CITES Parties and entry-into-force dates (citesdb cites_parties.tsv), creating former and non-ISO places',
  seed: [
    { order: 20, path: 'citesdb/cites_manual_country_code_entries.csv' },
    { order: 20, path: 'citesdb/cites_parties.tsv' },
  ],
  async run(ctx) {
    const delimiter = /\.tsv(\.gz)?$/i.test(ctx.file) ? '\t' : 'auto';
    const geo = await loadGeoByIso2(ctx.tx);
    const memberships = new Map((await selectRows<{ id: number; geo_entity_id: number; entry_into_force: string | null; import_run_id: number | null }>(ctx.tx,
      sql`select id, geo_entity_id, entry_into_force::text as entry_into_force, import_run_id from party_memberships where convention = 'CITES'`))
      .map((m) => [Number(m.geo_entity_id), m]));
    const owned = await runIdsOf(ctx.tx, ['cites-parties']);
    const seen = new Map<string, number>();
    let hasDate = false;
    for await (const { line, values: v } of readCsv(ctx.file, { required: REQUIRED, delimiter, onBytes: ctx.progress })) {
      if (seen.size === 0) hasDate = 'date' in v;
      const code = (v.code ?? '').trim().toUpperCase();
      if (!/^[A-Z0-9]{2}$/.test(code)) { ctx.reject(line, 'code', `a two-character place code, got '${v.code}'`); continue; }
      if (seen.has(code)) { ctx.reject(line, 'code', `a unique code; ${code} is already on line ${seen.get(code)}`); continue; }
      const name = (v.country ?? '').trim();
      if (!name) { ctx.reject(line, 'country', 'a country name'); continue; }
      const date = hasDate ? entryIntoForce(v.date) : null;
      if (date === undefined) { ctx.reject(line, 'date', `a date YYYY-MM-DD or NA, got '${v.date}'`); continue; }
      seen.set(code, line);
      let created = false;
      let changed = false;
      let place = geo.get(code);
      if (!place) {
        const former = truthy(v.former_code) || /^former\b/i.test(name);
        const region = truthy(v.non_ISO_code) && /^(X|ZZ)/.test(code);
        const [row] = await insertRows<{ id: number }>(ctx.tx, 'geo_entities',
          { iso2: 'text', type: 'text', name_en: 'text', is_current: 'boolean', import_run_id: 'integer', source_file: 'text', source_line: 'integer' },
          [{ iso2: code, type: region ? 'REGION' : 'COUNTRY', name_en: name, is_current: !former, import_run_id: ctx.runId, source_file: ctx.fileName, source_line: line }],
          { returning: ['id'] });
        place = { id: Number(row.id), iso2: code, nameEn: name, isCurrent: !former };
        geo.set(code, place);
        created = true;
      }
      if (hasDate) {
        const m = memberships.get(place.id);
        const prov = { import_run_id: ctx.runId, source_file: ctx.fileName, source_line: line };
        if (date && !m) {
          await insertRows(ctx.tx, 'party_memberships', { geo_entity_id: 'integer', convention: 'text', entry_into_force: 'date', import_run_id: 'integer', source_file: 'text', source_line: 'integer' },
            [{ geo_entity_id: place.id, convention: 'CITES', entry_into_force: date, ...prov }]);
          created = true;
        } else if (date && m && m.entry_into_force !== date) {
          await updateRows(ctx.tx, 'party_memberships', { entry_into_force: 'date', import_run_id: 'integer', source_file: 'text', source_line: 'integer' }, [{ id: Number(m.id), entry_into_force: date, ...prov }]);
          changed = true;
        } else if (!date && m && m.import_run_id != null && owned.has(Number(m.import_run_id))) {
          await deleteRows(ctx.tx, 'party_memberships', [Number(m.id)]); // NA: not (or no longer) a Party
          changed = true;
        }
      }
      if (created) ctx.counts.accepted++;
      else if (changed) ctx.counts.updated++;
      else ctx.counts.unchanged++;
    }
  },
};
