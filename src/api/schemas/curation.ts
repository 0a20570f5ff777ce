// Schemas of the review queue of cross-convention links and the decisions on them.
import { CURATION_DECISIONS, RELATIONS } from '../../programme/domain.js';
import { bool, closed, dateTime, int, intOrNull, str, strOrNull } from './common.js';

const linkProps = {
  id: int, cms_taxon_concept_id: int, cms_name: strOrNull, cites_taxon_concept_id: intOrNull, cites_name: strOrNull,
  relation: { type: 'string', enum: [...RELATIONS] },
  basis: { type: 'string', enum: ['name', 'synonym', 'variant', 'fuzzy', 'rank', 'split_lump', 'curated'], description: 'Why the link was made' },
  origin: { type: 'string', enum: ['automatic', 'curated'] }, confidence: { type: 'number', minimum: 0, maximum: 1 },
  review: { ...bool, description: 'Waiting for a Secretariat to review it' }, comment: strOrNull, curated_by: strOrNull, updated_at: dateTime,
} as const;
export const linkSchema = closed(linkProps);
export const curatedLinkSchema = {
  ...linkSchema,
  properties: { ...linkProps, removed: { type: 'boolean', const: true, description: 'Present when the rejected link was deleted (the concept keeps other curated links)' } },
} as const;
export const reviewQueueSchema = closed({ total: int, can: closed({ curate: bool }), links: { type: 'array', items: linkSchema } });

export const queueQuery = { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 500 }, offset: { type: 'integer', minimum: 0 } } } as const;
export const decisionBody = {
  type: 'object', required: ['decision', 'comment'], additionalProperties: false,
  properties: { decision: { type: 'string', enum: [...CURATION_DECISIONS] }, comment: { type: 'string', minLength: 1, maxLength: 5000 }, cites_taxon_concept_id: { type: ['integer', 'null'] }, relation: { type: 'string', enum: [...RELATIONS] }, _csrf: { type: 'string' } },
} as const;
