// The JSON schema of the joint list and alignment rows; the rows themselves
// come from the one presenter the CLI uses too (src/alignment/format.ts).
import { reasonSchema } from '../schemas.js';

const sn = { type: ['string', 'null'] } as const;
const sideSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    id: { type: 'integer' }, name: { type: 'string' }, author: sn, rank: { type: 'string' }, listing: sn,
    appendices: { type: 'array', items: { type: 'string' } }, category: { type: 'string' },
    reasons: { type: 'array', items: reasonSchema },
    instruments: {
      type: 'array', description: 'CMS side: the Agreements and MOUs covering the taxon',
      items: { type: 'object', additionalProperties: false, properties: { code: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string', enum: ['agreement', 'mou'] }, since: sn }, required: ['code', 'name', 'kind', 'since'] },
    },
    via_higher_taxon: { type: 'boolean', description: 'CITES side: no CITES concept of its own; the higher taxon whose listing covers it' },
  },
  required: ['id', 'name', 'author', 'rank', 'listing', 'appendices', 'category', 'reasons', 'instruments', 'via_higher_taxon'],
} as const;

export const alignmentRowSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    cms: sideSchema, cites: { ...sideSchema, type: ['object', 'null'] },
    relation: { type: 'string' }, basis: { type: 'string' }, confidence: { type: 'number' }, review: { type: 'boolean' },
    origin: { type: 'string', enum: ['automatic', 'curated', 'unaligned'] }, difference: { type: 'string' },
    class: sn, order: sn, family: sn,
    className: { ...sn, deprecated: true, description: 'Deprecated alias of class' }, orderName: { ...sn, deprecated: true, description: 'Deprecated alias of order' }, familyName: { ...sn, deprecated: true, description: 'Deprecated alias of family' },
    evidence: { type: ['object', 'null'], additionalProperties: true, description: 'Free-form: what the matcher found (the names that met, spellings, candidates), as the link stores it' }, comment: sn,
  },
  required: ['cms', 'cites', 'relation', 'basis', 'confidence', 'review', 'origin', 'difference', 'class', 'order', 'family', 'className', 'orderName', 'familyName', 'evidence', 'comment'],
} as const;
