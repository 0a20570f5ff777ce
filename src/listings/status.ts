// Status of every taxon concept on a date, from the listing-change log and the
// taxon tree. Three passes: replay each taxon's own events up to the date,
// hand listings down the tree (inheritance, exclusions), then fold the
// Checklist summary ("I/II/NC") up from the descendants.
import type {
  ConventionStatus, Convention, ListingChange, Reason, TaxonNode, TaxonRef, TaxonStatus,
} from './types.js';
import { CONVENTIONS, ENTRY_INTO_FORCE } from './types.js';
import { inForceOn } from '../taxonomy/conventions.js';
import { isAboveSpecies, summaryOrder } from './summary.js';

/** What a taxon's own events say on the date. */
export interface OwnState {
  /** Additions in force, one per appendix (per Party for App III). */
  listings: ListingChange[];
  reservations: ListingChange[];
  /** The last deletion of each appendix that is not listed any more. */
  deletions: ListingChange[];
  /** An EXCEPTION in force: the taxon is left out of its ancestors' listings. */
  exception: ListingChange | null;
}

const TYPE_ORDER: Record<string, number> = { DELETION: 0, ADDITION: 1, EXCEPTION: 2, RESERVATION: 3, RESERVATION_WITHDRAWAL: 4 };

/**
 * Order of replay: date (undated first); on one day deletions, then additions
 * (a species moved under its parent's listing gets "DELI" and "I, included
 * in ..." on the same day), then reservations.
 */
export function compareChanges(a: ListingChange, b: ListingChange): number {
  const da = a.effectiveAt ?? '', db = b.effectiveAt ?? '';
  if (da !== db) return da < db ? -1 : 1;
  const t = (TYPE_ORDER[a.changeType] ?? 9) - (TYPE_ORDER[b.changeType] ?? 9);
  if (t !== 0) return t;
  if (typeof a.id === 'number' && typeof b.id === 'number') return a.id - b.id;
  return String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0;
}

/**
 * What an addition replaces: CITES one listing per appendix (per Party for
 * App III); CMS listings accumulate (populations are added one CoP at a
 * time), so each addition is its own key and only a deletion ends them.
 */
const listingKey = (c: ListingChange) => (c.convention === 'CMS' && c.changeType === 'ADDITION' ? `${c.appendix}#${c.id}`
  : c.appendix === 'III' ? `III|${c.partyIso2 ?? ''}` : c.appendix);
const deletionKey = (c: ListingChange) => (c.appendix === 'III' ? `III|${c.partyIso2 ?? ''}` : c.appendix);
const reservationKey = (c: ListingChange) => `${c.appendix}|${c.partyIso2 ?? ''}`;

/** Replay one taxon's events (one convention, already sorted and cut at the date). */
export function replay(events: ListingChange[], opts: { snapshot?: ListingChange[]; after?: ListingChange[] } = {}): OwnState {
  const listings = new Map<string, ListingChange>();
  const reservations = new Map<string, ListingChange>();
  const deletions = new Map<string, ListingChange>();
  let exception: ListingChange | null = null;
  const apply = (e: ListingChange) => {
    switch (e.changeType) {
      case 'ADDITION':
        // A CITES App I/II listing of the whole taxon replaces every earlier
        // listing (I -> II moves often carry no DELI); a population-split
        // listing replaces only its own appendix. CMS appendices coexist.
        // Listings of the same day (a split listing, a snapshot) stand together.
        if (e.convention === 'CITES' && (e.appendix === 'I' || e.appendix === 'II') && isWholeTaxon(e)) {
          for (const [k, l] of listings) if (l.effectiveAt !== e.effectiveAt) listings.delete(k);
        }
        listings.set(listingKey(e), e);
        deletions.delete(deletionKey(e));
        exception = null;
        break;
      case 'DELETION': {
        // An App III deletion without a Party ends every Party's App III listing.
        const keys = (e.appendix === 'III' && !e.partyIso2) || e.convention === 'CMS'
          ? [...listings.entries()].filter(([, l]) => l.appendix === e.appendix).map(([k]) => k)
          : [listingKey(e)];
        for (const k of keys) listings.delete(k);
        deletions.set(deletionKey(e), e);
        // Reservations lapse with the listing they were made against.
        if (![...listings.values()].some((l) => l.appendix === e.appendix)) {
          for (const [k, r] of reservations) if (r.appendix === e.appendix) reservations.delete(k);
        }
        break;
      }
      case 'EXCEPTION':
        exception = e;
        break;
      case 'RESERVATION':
        reservations.set(reservationKey(e), e);
        break;
      case 'RESERVATION_WITHDRAWAL':
        reservations.delete(reservationKey(e));
        break;
    }
  };
  for (const e of events) apply(e);
  if (opts.snapshot) {
    // The snapshot is the taxon's whole list of listings on its day. It names
    // no App III Party (the Checklist does not): the Parties of the App III
    // listings in force before it stay with its App III row.
    // A listing it confirms keeps the day it began.
    const app3 = [...listings.values()].filter((l) => l.appendix === 'III' && l.partyIso2);
    const before = new Map(listings);
    listings.clear();
    exception = null;
    const began = (e: ListingChange) => { const b = before.get(listingKey(e)); return b ? b.effectiveAt ?? b.since ?? null : null; };
    for (const e of opts.snapshot) {
      if (e.changeType === 'ADDITION' && e.appendix === 'III' && !e.partyIso2 && app3.length) {
        for (const p of app3) apply({ ...e, partyIso2: p.partyIso2, since: p.effectiveAt ?? p.since ?? null });
      } else apply(e.changeType === 'ADDITION' && e.convention === 'CITES' ? { ...e, since: began(e) } : e);
    }
  }
  for (const e of opts.after ?? []) apply(e);
  return {
    listings: [...listings.values()].sort(byAppendix),
    reservations: [...reservations.values()].sort(byAppendix),
    deletions: [...deletions.values()].filter((d) => ![...listings.values()].some((l) => deletionKey(l) === deletionKey(d))).sort(byAppendix),
    exception,
  };
}

const isWholeTaxon = (e: ListingChange) => !(e.populationsIncluded ?? []).length && !(e.populationsExcluded ?? []).length;

function byAppendix(a: ListingChange, b: ListingChange): number {
  return summaryOrder(a.appendix) - summaryOrder(b.appendix) || a.appendix.localeCompare(b.appendix)
    || (a.partyIso2 ?? '').localeCompare(b.partyIso2 ?? '');
}

/** A listing in force on a node, with the taxon whose listing it is (the node itself when own). */
interface Entry { change: ListingChange; from: TaxonRef }

/** What a node hands to its children. */
type Inheritance =
  | { kind: 'listed'; entries: Entry[]; reservations: ListingChange[]; excludes: boolean; draft?: Draft }
  | { kind: 'blocked'; reason: Reason }
  | null;

/** Per convention: the node's appendices and reasons before the summary is folded up. */
interface Draft { appendices: string[]; reasons: Reason[]; inScope: boolean; populationOnly: boolean }

export interface StatusOptions {
  /** Which conventions to compute (default both). */
  conventions?: readonly Convention[];
}

/**
 * Status of every node of `tree` on `date` (YYYY-MM-DD): events dated after
 * it are ignored. Nodes whose parent is not in `tree` are roots; nodes with a
 * `knownSummary` are not computed but count for their ancestors' summaries.
 */
export function statusOn(changes: ListingChange[], tree: TaxonNode[], date: string, opts: StatusOptions = {}): Map<number, TaxonStatus> {
  // Before a convention entered into force nothing can be listed in it.
  const conventions = (opts.conventions ?? CONVENTIONS).filter((c) => inForceOn(c, date));
  const nodes = new Map(tree.map((n) => [n.id, n]));
  const children = new Map<number, TaxonNode[]>();
  const roots: TaxonNode[] = [];
  for (const n of tree) {
    if (n.parentId !== null && n.parentId !== n.id && nodes.has(n.parentId)) {
      const list = children.get(n.parentId);
      if (list) list.push(n); else children.set(n.parentId, [n]);
    } else roots.push(n);
  }
  const own = ownStates(changes, date);
  const ref = (id: number): TaxonRef => {
    const n = nodes.get(id);
    return n ? { id, name: n.name, rank: n.rank } : { id, name: `taxon ${id}`, rank: '' };
  };

  const drafts = new Map<number, Record<Convention, Draft>>();
  // Top-down, iteratively (trees can be deep enough to matter for recursion).
  const stack: { node: TaxonNode; inherited: Record<Convention, Inheritance> }[] =
    roots.map((node) => ({ node, inherited: { CITES: null, CMS: null } }));
  const order: TaxonNode[] = [];
  while (stack.length) {
    const { node, inherited } = stack.pop()!;
    order.push(node);
    if (node.knownSummary) continue;
    const draft = {} as Record<Convention, Draft>;
    const pass = {} as Record<Convention, Inheritance>;
    for (const c of CONVENTIONS) {
      if (!conventions.includes(c)) { draft[c] = emptyDraft(); pass[c] = null; continue; }
      [draft[c], pass[c]] = decide(node, own[c].get(node.id), inherited[c], ref, c);
    }
    drafts.set(node.id, draft);
    for (const child of children.get(node.id) ?? []) stack.push({ node: child, inherited: pass });
  }

  // Bottom-up: reverse of a pre-order visits children before parents.
  const summaries = new Map<number, Record<Convention, string | null>>();
  const result = new Map<number, TaxonStatus>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    if (node.knownSummary) {
      summaries.set(node.id, { CITES: node.knownSummary.CITES ?? null, CMS: node.knownSummary.CMS ?? null });
      continue;
    }
    const kids = children.get(node.id) ?? [];
    const draft = drafts.get(node.id)!;
    const status = {} as TaxonStatus;
    const summary = {} as Record<Convention, string | null>;
    for (const c of CONVENTIONS) {
      const kidSummaries = kids.map((k) => summaries.get(k.id)?.[c] ?? null);
      status[c] = fold(node, draft[c], kidSummaries, c);
      summary[c] = status[c].listing;
    }
    summaries.set(node.id, summary);
    result.set(node.id, status);
  }
  return result;
}

/** Own state on the date of every (taxon, convention) with events. */
export function ownStates(changes: ListingChange[], date: string): Record<Convention, Map<number, OwnState>> {
  const groups: Record<Convention, Map<number, ListingChange[]>> = { CITES: new Map(), CMS: new Map() };
  for (const c of changes) {
    const byTaxon = groups[c.convention];
    if (!byTaxon) continue;
    const g = byTaxon.get(c.taxonConceptId);
    if (g) g.push(c); else byTaxon.set(c.taxonConceptId, [c]);
  }
  const out: Record<Convention, Map<number, OwnState>> = { CITES: new Map(), CMS: new Map() };
  for (const c of CONVENTIONS) for (const [id, g] of groups[c]) out[c].set(id, replayGroup(g, date));
  return out;
}

/**
 * A taxon's events may mix a dated history (Species+ 2013, the Species+ API)
 * with an undated snapshot of current listings (the 2017 Checklist). Without
 * a history the snapshot holds from the start. With one, the history decides
 * up to the snapshot's day (its `asOf`, else the history's last date), the
 * snapshot replaces the listings on that day (reservations and deletions
 * stay: it does not record them), and dated changes after that day apply on
 * top: a CoP's change newer than the snapshot wins over it.
 */
export function replayGroup(events: ListingChange[], date: string): OwnState {
  if (events.length === 1) return replay(events[0].effectiveAt !== null && events[0].effectiveAt > date ? [] : events);
  const all = events.filter((e) => e.effectiveAt !== null).sort(compareChanges);
  const undated = events.filter((e) => e.effectiveAt === null);
  if (!undated.length) return replay(all.filter((e) => e.effectiveAt! <= date));
  if (!all.length) return replay(undated.sort(compareChanges));
  const snapshot = undated.filter((e) => e.isCurrent !== false).sort(compareChanges);
  const stale = undated.filter((e) => e.isCurrent === false);
  const asOf = snapshot.reduce<string | null>((m, e) => (e.asOf && (!m || e.asOf > m) ? e.asOf : m), null);
  // The whole history's last date, not the last before `date`: a snapshot without its day is taken as of then.
  const at = asOf ?? all[all.length - 1].effectiveAt!;
  if (date < at || !snapshot.length) return replay([...stale, ...all.filter((e) => e.effectiveAt! <= date)].sort(compareChanges));
  return replay(all.filter((e) => e.effectiveAt! <= at), { snapshot, after: all.filter((e) => e.effectiveAt! > at && e.effectiveAt! <= date) });
}

const EMPTY_DRAFT: Draft = Object.freeze({ appendices: [], reasons: [], inScope: false, populationOnly: false }) as Draft;
const emptyDraft = (): Draft => EMPTY_DRAFT;

/**
 * One node, one convention: own listing, else the inherited one, else why not.
 * CITES: a taxon's own listing replaces its higher taxon's. CMS: a higher
 * taxon's listing ("all migratory species of Accipitridae" in Appendix II)
 * also covers its species listed on their own in the other appendix
 * (Neophron percnopterus: I and II). A deletion is history: it is a reason
 * only of "not listed".
 */
function decide(node: TaxonNode, state: OwnState | undefined, inherited: Inheritance, ref: (id: number) => TaxonRef, convention: Convention): [Draft, Inheritance] {
  const self: TaxonRef = { id: node.id, name: node.name, rank: node.rank };
  if (state && state.listings.length) {
    let entries: Entry[] = state.listings.map((change) => ({ change, from: self }));
    let reservations = state.reservations;
    if (convention === 'CMS' && inherited?.kind === 'listed') {
      const own = new Set(state.listings.map((l) => l.appendix));
      const covering = coveringEntries(inherited, node).filter((e) => !own.has(e.change.appendix));
      if (covering.length) {
        entries = [...entries, ...covering].sort((x, y) => byAppendix(x.change, y.change));
        reservations = [...inherited.reservations, ...reservations];
      }
    }
    const draft = listedDraft(node, entries, reservations, ref);
    return [draft, listedInheritance(entries, reservations)];
  }
  if (state?.exception) {
    const from = state.exception.inclusionTaxonConceptId ? ref(state.exception.inclusionTaxonConceptId) : null;
    const reason: Reason = { kind: 'excluded', from, effectiveAt: state.exception.effectiveAt, text: `excluded from the listing${from ? ` of ${from.name}` : ''}` };
    return [{ appendices: [], reasons: [reason], inScope: true, populationOnly: false }, { kind: 'blocked', reason }];
  }
  const deletions = (state?.deletions ?? []).map(deletionReason);
  if (inherited?.kind === 'listed') {
    const covering = coveringEntries(inherited, node);
    if (covering.length) {
      // The common case (no exclusion or reservation of its own): the parent's draft, shared.
      if (covering === inherited.entries && !state?.reservations.length) {
        inherited.draft ??= listedDraft(node, covering, inherited.reservations, ref);
        return [inherited.draft, inherited];
      }
      // A Party may enter a reservation on one species of a higher-taxon listing.
      const reservations = state?.reservations.length ? [...inherited.reservations, ...state.reservations] : inherited.reservations;
      const draft = listedDraft(node, covering, reservations, ref);
      return [draft, listedInheritance(covering, reservations, draft)];
    }
    const from = inherited.entries[0].from;
    const reason: Reason = { kind: 'excluded', from, effectiveAt: inherited.entries[0].change.effectiveAt ?? null, text: `excluded from the listing of ${from.name}` };
    return [{ appendices: [], reasons: [reason, ...deletions], inScope: true, populationOnly: false }, { kind: 'blocked', reason }];
  }
  if (inherited?.kind === 'blocked') {
    return [{ appendices: [], reasons: [inherited.reason, ...deletions], inScope: true, populationOnly: false }, inherited];
  }
  if (!deletions.length) return [EMPTY_DRAFT, null];
  return [{ appendices: [], reasons: deletions, inScope: true, populationOnly: false }, null];
}

/** The inherited listings that cover this node: those whose exclusions do not name it. */
function coveringEntries(inherited: Extract<Inheritance, { kind: 'listed' }>, node: TaxonNode): Entry[] {
  if (!inherited.excludes) return inherited.entries;
  return inherited.entries.filter((e) => !(e.change.excludedTaxonConceptIds ?? []).includes(node.id));
}

function listedInheritance(entries: Entry[], reservations: ListingChange[], draft?: Draft): Inheritance {
  return { kind: 'listed', entries, reservations, excludes: entries.some((e) => (e.change.excludedTaxonConceptIds ?? []).length > 0), draft };
}

function listedDraft(node: TaxonNode, entries: Entry[], reservations: ListingChange[], ref: (id: number) => TaxonRef): Draft {
  const reasons: Reason[] = [];
  const appendices: string[] = [];
  for (const { change: l, from: holder } of entries) {
    if (!appendices.includes(l.appendix)) appendices.push(l.appendix);
    const from = holder.id !== node.id ? holder : (l.inclusionTaxonConceptId ? ref(l.inclusionTaxonConceptId) : null);
    reasons.push(from
      ? { kind: 'inherited', appendix: l.appendix, from, effectiveAt: l.effectiveAt ?? l.since ?? null, changeId: l.id, text: `listed as part of ${from.name} in Appendix ${l.appendix}` }
      : { kind: 'own', appendix: l.appendix, effectiveAt: l.effectiveAt ?? l.since ?? null, changeId: l.id, text: `listed in its own right in Appendix ${l.appendix}` });
    if (l.appendix === 'III' && l.partyIso2) {
      reasons.push({ kind: 'app3', appendix: 'III', party: l.partyIso2, effectiveAt: l.effectiveAt ?? l.since ?? null, text: `Appendix III listing by ${l.partyIso2}` });
    }
    const inc = l.populationsIncluded ?? [], exc = l.populationsExcluded ?? [];
    if (inc.length || exc.length) {
      reasons.push({
        kind: 'population', appendix: l.appendix, included: inc, excluded: exc,
        text: inc.length ? `Appendix ${l.appendix}: only the populations of ${inc.join(', ')}` : `Appendix ${l.appendix}: all populations except those of ${exc.join(', ')}`,
      });
    }
    const a = l.annotation;
    if (a?.en || a?.es || a?.fr || l.hashSymbol) {
      reasons.push({
        kind: 'annotation', appendix: l.appendix, en: a?.en ?? null, es: a?.es ?? null, fr: a?.fr ?? null,
        hashSymbol: l.hashSymbol ?? null, hashAnnotation: l.hashAnnotation ?? null, changeId: l.id,
        text: l.hashSymbol ? `Appendix ${l.appendix} annotation ${l.hashSymbol}` : `Appendix ${l.appendix} annotation`,
      });
    }
  }
  for (const r of reservations) {
    if (!appendices.includes(r.appendix) || !r.partyIso2) continue;
    reasons.push({ kind: 'reservation', appendix: r.appendix, party: r.partyIso2, effectiveAt: r.effectiveAt, text: `reservation by ${r.partyIso2} on Appendix ${r.appendix}` });
  }
  return { appendices, reasons, inScope: true, populationOnly: populationOnly(entries.map((e) => e.change)) };
}

/** Every App I/II listing names the only populations it covers: the rest of the taxon is not listed. */
function populationOnly(listings: ListingChange[]): boolean {
  const main = listings.filter((l) => l.appendix === 'I' || l.appendix === 'II');
  return main.length > 0 && main.every((l) => (l.populationsIncluded ?? []).length > 0);
}

function deletionReason(d: ListingChange): Reason {
  return { kind: 'deletion', appendix: d.appendix, party: d.partyIso2 ?? null, effectiveAt: d.effectiveAt, text: `deleted from Appendix ${d.appendix}${d.partyIso2 ? ` (${d.partyIso2})` : ''}${d.effectiveAt ? ` on ${d.effectiveAt}` : ''}` };
}

/**
 * The Checklist's summary. Species and below: own appendices, the
 * descendants', and NC when part of the taxon is not listed. Above species:
 * the descendants' (a genus "except the species in App I" whose species are
 * all in App I reads "I"), plus NC when the taxon itself is not listed.
 */
const EMPTY_STATUS: ConventionStatus = Object.freeze({ appendices: [], listing: null, reasons: [] }) as unknown as ConventionStatus;
const PARTS = new Map<string, string[]>();
const partsOf = (s: string) => { let p = PARTS.get(s); if (!p) { p = s.split('/'); PARTS.set(s, p); } return p; };

function fold(node: TaxonNode, draft: Draft, kidSummaries: (string | null)[], convention: Convention): ConventionStatus {
  if (draft === EMPTY_DRAFT && kidSummaries.every((k) => k === null)) return EMPTY_STATUS;
  const main = convention === 'CITES' ? ['I', 'II', 'III'] : ['I', 'II'];
  const parts = new Set<string>();
  const kids = new Set<string>();
  for (const s of kidSummaries) if (s) for (const p of partsOf(s)) kids.add(p);
  const listedKid = [...kids].some((p) => p !== 'NC');
  const own = draft.appendices.filter((a) => main.includes(a));
  if (isAboveSpecies(node.rank) && kidSummaries.length > 0) {
    for (const p of kids) parts.add(p);
    // Explicitly not listed itself (excluded, deleted, named but not listed) while descendants are.
    if (!own.length && listedKid && draft.inScope) parts.add('NC');
  } else {
    for (const a of own) parts.add(a);
    for (const p of kids) parts.add(p);
    const unlistedPart = (!own.length && (draft.inScope || listedKid)) || draft.populationOnly;
    if (unlistedPart) parts.add('NC');
  }
  if (convention === 'CMS') parts.delete('NC');
  const listing = parts.size ? [...parts].sort((a, b) => summaryOrder(a) - summaryOrder(b)).join('/') : null;
  const reasons = [...draft.reasons];
  const fromKids = [...kids].filter((p) => p !== 'NC' && !own.includes(p));
  if (fromKids.length) {
    reasons.push({ kind: 'descendants', appendices: fromKids.sort((a, b) => summaryOrder(a) - summaryOrder(b)), text: `includes taxa listed in Appendix ${fromKids.join(', ')}` });
  }
  return { appendices: draft.appendices, listing, reasons };
}

/**
 * The status of any taxon in a convention on a day before it entered into
 * force: not a listing, "not yet in force". Null on days it was in force.
 */
export function notYetInForce(convention: Convention, date: string): ConventionStatus | null {
  if (inForceOn(convention, date)) return null;
  const since = ENTRY_INTO_FORCE[convention];
  return { appendices: [], listing: null, reasons: [{ kind: 'not_in_force', since, text: `${convention} was not yet in force (it entered into force on ${since})` }] };
}
