// Presenters for the joint list and the alignment report (JSON and CSV rows).
import type { AlignmentRow, ConceptSide } from '../../alignment/repository.js';

const sn = { type: ['string', 'null'] } as const;
const sideSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    id: { type: 'integer' }, name: { type: 'string' }, author: sn, rank: { type: 'string' }, listing: sn,
    appendices: { type: 'array', items: { type: 'string' } }, category: { type: 'string' },
    reasons: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
  required: ['id', 'name', 'author', 'rank', 'listing', 'appendices', 'category', 'reasons'],
} as const;

export const alignmentRowSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    cms: sideSchema, cites: { ...sideSchema, type: ['object', 'null'] },
    relation: { type: 'string' }, basis: { type: 'string' }, confidence: { type: 'number' }, review: { type: 'boolean' },
    origin: { type: 'string', enum: ['automatic', 'curated', 'unaligned'] }, difference: { type: 'string' },
    class: sn, order: sn, family: sn,
    evidence: { type: ['object', 'null'], additionalProperties: true }, comment: sn,
  },
  required: ['cms', 'cites', 'relation', 'basis', 'confidence', 'review', 'origin', 'difference', 'class', 'order', 'family', 'evidence', 'comment'],
} as const;

const side = (s: ConceptSide) => ({
  id: s.id, name: s.name, author: s.author, rank: s.rank, listing: s.listing, appendices: [...s.appendices], category: s.category,
  reasons: (s.reasons ?? []).filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null),
});

export function presentAlignmentRow(r: AlignmentRow) {
  return {
    cms: side(r.cms), cites: r.cites ? side(r.cites) : null, relation: r.relation, basis: r.basis, confidence: r.confidence,
    review: r.review, origin: r.origin, difference: r.difference, class: r.className, order: r.orderName, family: r.familyName,
    evidence: r.evidence, comment: r.comment,
  };
}

export const ALIGNMENT_CSV_HEADER = ['class', 'order', 'family', 'cms_id', 'cms_name', 'cms_author', 'cms_rank', 'cms_listing', 'relation', 'basis', 'confidence', 'review', 'origin', 'difference', 'cites_id', 'cites_name', 'cites_author', 'cites_rank', 'cites_listing', 'comment'];

export function alignmentCsvRow(r: AlignmentRow): unknown[] {
  return [r.className, r.orderName, r.familyName, r.cms.id, r.cms.name, r.cms.author, r.cms.rank, r.cms.listing, r.relation, r.basis,
    r.confidence, r.review, r.origin, r.difference, r.cites?.id, r.cites?.name, r.cites?.author, r.cites?.rank, r.cites?.listing, r.comment];
}
