// A Secretariat's decision on a cross-convention concept link: confirm it,
// reject it (kept as 'disjunct' so a re-alignment does not bring it back), or
// replace its CITES counterpart. Curated links (origin 'curated') are never
// overwritten by imports or automatic alignment.
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { conceptLinks, taxonConcepts } from '../db/schema.js';
import type { Actor } from '../auth/principal.js';
import { RELATIONS, type CurationDecision } from '../programme/domain.js';
import { recordAudit } from './auditRecorder.js';
import { invalid, notFound } from './errors.js';

export interface LinkCurationProps {
  actor: Actor;
  linkId: number;
  decision: CurationDecision;
  comment: string;
  /** For 'replace': the new CITES counterpart (null = none) and relation. */
  citesTaxonConceptId?: number | null;
  relation?: string;
}

export async function curateLink(tx: Tx, props: LinkCurationProps) {
  if (!props.comment.trim()) throw invalid('a comment giving the reason for the decision', 'comment');
  const [before] = await tx.select().from(conceptLinks).where(eq(conceptLinks.id, props.linkId)).for('update');
  if (!before) throw notFound(`no concept link ${props.linkId}`);
  const curation = { decision: props.decision, by: props.actor.label, at: new Date().toISOString(), previous: { citesTaxonConceptId: before.citesTaxonConceptId, relation: before.relation, basis: before.basis } };
  const common = { origin: 'curated', review: false, comment: props.comment.trim(), createdBy: props.actor.label, updatedAt: new Date(), evidence: { ...(before.evidence ?? {}), curation } };
  let set: Partial<typeof conceptLinks.$inferInsert>;
  if (props.decision === 'confirm') set = { ...common, confidence: 1 };
  else if (props.decision === 'reject') set = { ...common, relation: 'disjunct', confidence: 1 };
  else {
    const relation = props.relation ?? 'equal';
    if (!(RELATIONS as readonly string[]).includes(relation)) throw invalid(`a relation, one of ${RELATIONS.join(', ')}`, 'relation');
    if (props.citesTaxonConceptId === undefined) throw invalid('the replacing CITES taxon concept id (or null for none)', 'citesTaxonConceptId');
    if (props.citesTaxonConceptId !== null) {
      const [c] = await tx.select({ taxonomyId: taxonConcepts.taxonomyId }).from(taxonConcepts).where(eq(taxonConcepts.id, props.citesTaxonConceptId));
      if (!c || c.taxonomyId !== 'CITES') throw invalid(`a CITES taxon concept; ${props.citesTaxonConceptId} is ${c ? `a ${c.taxonomyId} concept` : 'unknown'}`, 'citesTaxonConceptId');
    }
    set = { ...common, citesTaxonConceptId: props.citesTaxonConceptId, relation, basis: 'curated', confidence: 1 };
  }
  const [after] = await tx.update(conceptLinks).set(set).where(eq(conceptLinks.id, props.linkId)).returning();
  await recordAudit(tx, { actor: props.actor, action: `conceptLink.${props.decision}`, resourceType: 'conceptLink', resourceId: before.id, before, after });
  return after;
}
