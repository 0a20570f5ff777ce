// Schema of /health. Its camelCase fields (dataVersion, counts.citesTaxonConcepts ...)
// predate the API's one casing: they stay alongside the snake_case ones, deprecated,
// for scripts that read them (docs/api.md says until when).
import { int, strOrNull } from './common.js';

const deprecated = (field: string) => ({ deprecated: true, description: `Deprecated alias of ${field}` });
const counts = {
  cites_taxon_concepts: int, cms_taxon_concepts: int, listing_changes: int, distributions: int, geo_entities: int,
  citesTaxonConcepts: { ...int, ...deprecated('cites_taxon_concepts') }, cmsTaxonConcepts: { ...int, ...deprecated('cms_taxon_concepts') },
  listingChanges: { ...int, ...deprecated('listing_changes') }, geoEntities: { ...int, ...deprecated('geo_entities') },
} as const;

export const healthSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable', 'seeding', 'seed failed'], description: "'seeding' while a first start loads the reference data (the server listens meanwhile)" },
    progress: {
      type: 'object', description: 'While seeding: steps done of the seed plan, and the current one', additionalProperties: false,
      properties: { done: int, total: int, step: strOrNull }, required: ['done', 'total', 'step'],
    },
    error: { type: 'string', description: 'Why the seed failed' },
    database: { type: 'object', additionalProperties: false, properties: { kind: { type: 'string', enum: ['pglite', 'postgres'] }, reachable: { type: 'boolean' } }, required: ['kind', 'reachable'] },
    data_version: { ...strOrNull, description: 'When the newest successful import finished (ISO 8601).' },
    dataVersion: { ...strOrNull, ...deprecated('data_version') },
    counts: { type: 'object', additionalProperties: false, properties: counts, required: Object.keys(counts) },
  },
  required: ['status', 'database', 'data_version', 'dataVersion'],
} as const;

/** The counts in both casings, the camelCase ones deprecated. */
export function healthCounts(c: { cites_taxon_concepts: number; cms_taxon_concepts: number; listing_changes: number; distributions: number; geo_entities: number }) {
  return { ...c, citesTaxonConcepts: c.cites_taxon_concepts, cmsTaxonConcepts: c.cms_taxon_concepts, listingChanges: c.listing_changes, geoEntities: c.geo_entities };
}
