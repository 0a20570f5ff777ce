// CMS and CITES memberships from the International Environmental Agreements
// Database (IEA Database Project, CC BY 4.0): treaty, country (an English
// name), and the date the treaty entered into force for it (ceif3; ceif4 a
// later re-entry). No date: the database records the State as not a Party.
//
// Country names are read by the names the places are known by (country-codes
// and the Species+ files); a name that does not give exactly one ISO code is
// rejected with its reason. For CMS this file is the Party list; for CITES the
// citesdb list comes first and this file adds the Parties it lacks (those that
// joined later). A Secretariat's edit in Concord (origin 'curated') is never
// overwritten.
import { and, eq } from 'drizzle-orm';
import { geoEntities, partyMemberships } from '../../db/schema.js';
import { readCsv } from '../csv.js';
import type { Importer } from '../run.js';
import { placeByName, type NamedPlace } from '../cells/places.js';
import { isIsoDate } from '../../taxonomy/dates.js';
import type { Convention } from '../../taxonomy/conventions.js';

const TREATIES: Record<string, Convention> = { CMS: 'CMS', CITES: 'CITES' };

export const importer: Importer = {
  format: 'ieadb-memberships',
  description: 'CMS and CITES memberships with entry-into-force dates from the IEA Database (treaty, country, ceif3, ceif4)',
  seed: [{ order: 56, path: 'cms-parties-ieadb/iea-memberships-cms-cites.csv' }],
  async run(ctx) {
    const geo = await ctx.tx.select().from(geoEntities);
    const places: NamedPlace[] = geo.map((g) => ({ iso2: g.iso2.trim(), names: [g.nameEn, ...(g.otherNames ?? [])], sovereign: g.type === 'COUNTRY' && g.isCurrent, current: g.isCurrent }));
    const geoId = new Map(geo.map((g) => [g.iso2.trim(), g.id]));
    const existing = new Map((await ctx.tx.select().from(partyMemberships)).map((m) => [`${m.geoEntityId}|${m.convention}`, m]));
    const seen = new Map<string, number>();
    let curated = 0;
    for await (const { line, values: v } of readCsv(ctx.file, { required: ['treaty', 'country', 'ceif3', 'ceif4'], onBytes: ctx.progress })) {
      const convention = TREATIES[v.treaty.trim()];
      if (!convention) { ctx.reject(line, 'treaty', `CMS or CITES, got '${v.treaty}'`); continue; }
      const place = placeByName(v.country, places);
      if ('reason' in place) { ctx.reject(line, 'country', place.reason); continue; }
      const dates = [v.ceif3, v.ceif4].map((d) => d.trim()).filter(Boolean);
      const bad = dates.find((d) => !isIsoDate(d));
      if (bad) { ctx.reject(line, bad === v.ceif3.trim() ? 'ceif3' : 'ceif4', `a date as YYYY-MM-DD, got '${bad}'`); continue; }
      const key = `${place.iso2}|${convention}`;
      if (seen.has(key)) { ctx.reject(line, 'country', `one line per State and treaty; ${place.iso2} is also on line ${seen.get(key)}`); continue; }
      seen.set(key, line);
      // The latest entry into force counts (a State that left and rejoined).
      const entryIntoForce = dates.sort().at(-1) ?? null;
      for (const d of dates) if (!ctx.asOf || d > ctx.asOf) ctx.asOf = d;
      const id = geoId.get(place.iso2)!;
      const before = existing.get(`${id}|${convention}`);
      if (before?.origin === 'curated') { curated++; ctx.counts.unchanged++; continue; }
      // CITES: the citesdb list decides where it has a Party; this file adds later accessions.
      if (convention === 'CITES' && before && before.isParty && before.sourceFile !== ctx.fileName) { ctx.counts.unchanged++; continue; }
      if (convention === 'CITES' && !entryIntoForce && before) { ctx.counts.unchanged++; continue; }
      const row = { entryIntoForce, isParty: entryIntoForce !== null, origin: 'imported' as const };
      const prov = { importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: line };
      if (before && before.entryIntoForce === row.entryIntoForce && before.isParty === row.isParty && before.sourceFile === ctx.fileName) { ctx.counts.unchanged++; continue; }
      if (before) {
        await ctx.tx.update(partyMemberships).set({ ...row, ...prov }).where(and(eq(partyMemberships.geoEntityId, id), eq(partyMemberships.convention, convention)));
        ctx.counts.updated++;
      } else {
        await ctx.tx.insert(partyMemberships).values({ geoEntityId: id, convention, ...row, ...prov });
        ctx.counts.accepted++;
      }
    }
    if (curated) ctx.note(`${curated} memberships edited in Concord by a Secretariat were kept`);
  },
};
