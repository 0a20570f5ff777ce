// Presenters for countries and the change feed (allow-lists).
import type { CountryRow, CountrySpeciesRow } from '../../db/repositories/countries.js';
import type { ChangeRow } from '../../db/repositories/changes.js';
import { joinedFields } from '../../listings/current.js';

export function presentCountry(c: CountryRow) {
  return {
    iso2: c.iso2, iso3: c.iso3, m49: c.m49, type: c.type, name: { en: c.name_en, fr: c.name_fr, es: c.name_es }, region: c.region, is_current: c.is_current,
    parties: {
      CITES: { party: c.cites_party, since: c.cites_party_since, according_to: c.cites_source ?? null },
      CMS: { party: c.cms_party, since: c.cms_party_since, according_to: c.cms_source ?? null },
    },
  };
}

export function presentCountrySpecies(s: CountrySpeciesRow) {
  return {
    id: s.id, taxonomy: s.taxonomy_id, full_name: s.full_name, rank: s.rank, family: s.family_name, tags: s.tags ?? [], shared: s.shared,
    ...joinedFields(s),
  };
}

export function presentChange(c: ChangeRow) {
  return { kind: c.kind, id: c.id, taxonomy: c.taxonomy_id, full_name: c.full_name, at: new Date(c.at).toISOString(), rank: c.rank, name_status: c.name_status };
}
