// The Checklist names every taxon it covers; one it names without an appendix
// segment of its own (Felis catus) is not listed itself, even under a listed
// genus. The importer keeps no event for that, so one is made here. Pure:
// both the recompute (repository.ts) and the API's status on a date use it,
// so they agree.
import type { ListingChange } from './types.js';
import { isAboveSpecies } from './summary.js';

/** What the rule needs of a tree node: whether the Checklist names it (its data has a currentListing). */
export interface ChecklistNode { id: number; rank: string; parentId: number | null; inChecklist: boolean }

/**
 * An undated current EXCEPTION (it joins the snapshot, see status.ts) for each
 * Checklist-named node without an undated current CITES listing change.
 * A higher taxon with descendants among `nodes` is left alone: its summary
 * comes from them, and the importer writes no event for a genus whose
 * annotation is all about its species.
 */
export function checklistExceptions(nodes: ChecklistNode[], changes: ListingChange[]): ListingChange[] {
  const withSnapshot = new Set(changes.filter((c) => c.convention === 'CITES' && c.effectiveAt === null && c.isCurrent !== false).map((c) => c.taxonConceptId));
  const parents = new Set(nodes.map((n) => n.parentId));
  return nodes.filter((n) => n.inChecklist && !withSnapshot.has(n.id) && (!isAboveSpecies(n.rank) || !parents.has(n.id))).map((n) => ({
    id: `checklist-not-listed-${n.id}`, taxonConceptId: n.id, convention: 'CITES' as const, appendix: '',
    changeType: 'EXCEPTION' as const, effectiveAt: null, isCurrent: true,
  }));
}
