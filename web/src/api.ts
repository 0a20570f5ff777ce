// Typed client of the Concord API (/api/v1). Every call takes an AbortSignal so
// pages can cancel stale requests; network failures and 5xx answers are
// reported to a small store that drives the "API unavailable" banner.

export type Convention = 'CITES' | 'CMS';
export type Taxonomy = 'cites' | 'cms' | 'both';

export interface Problem { type?: string; title: string; status: number; detail?: string; parameter?: string }

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null, message: string) {
    super(message);
  }
  get notFound(): boolean { return this.status === 404; }
}

// --- API health store (for the error banner) ---
type Listener = () => void;
let apiDown = false;
const listeners = new Set<Listener>();
function setApiDown(v: boolean) {
  if (apiDown === v) return;
  apiDown = v;
  listeners.forEach((l) => l());
}
export const apiHealth = {
  subscribe(l: Listener) { listeners.add(l); return () => { listeners.delete(l); }; },
  get: () => apiDown,
  reset: () => setApiDown(false),
};

export interface Page<T> { items: T[]; total: number; page: number; perPage: number }

async function request(path: string, init: RequestInit & { signal?: AbortSignal } = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    setApiDown(true);
    throw new ApiError(0, null, 'The Concord API cannot be reached.');
  }
  if (res.status >= 500 || res.status === 502 || res.status === 503) setApiDown(true);
  else setApiDown(false);
  if (!res.ok) {
    let problem: Problem | null = null;
    try { problem = (await res.json()) as Problem; } catch { /* not JSON */ }
    throw new ApiError(res.status, problem, problem?.detail ?? problem?.title ?? `HTTP ${res.status}`);
  }
  return res;
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await request(path, { signal });
  return (await res.json()) as T;
}

function qs(params: Record<string, string | number | undefined | null | string[]>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
    else u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** Lists answer either a bare array (with Total-Count header) or an envelope. */
async function getPage<T>(path: string, signal?: AbortSignal): Promise<Page<T>> {
  const res = await request(path, { signal });
  const body = (await res.json()) as unknown;
  const url = new URL(path, location.origin);
  const page = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('per_page') ?? 25);
  const header = res.headers.get('total-count');
  if (Array.isArray(body)) return { items: body as T[], total: header ? Number(header) : body.length, page, perPage };
  const env = body as { items?: T[]; data?: T[]; results?: T[]; total?: number; totalCount?: number };
  const items = env.items ?? env.data ?? env.results ?? [];
  return { items, total: Number(header ?? env.total ?? env.totalCount ?? items.length), page, perPage };
}

// --- Shapes (as the API serves them: snake_case) ---

export interface Provenance { import_run_id: number | null; source_file: string | null; source_line: number | null }
export interface HigherTaxa { kingdom: string | null; phylum: string | null; class: string | null; order: string | null; family: string | null; genus: string | null }

/** Which concept a convention's status comes from, and how it is linked to the taxon. */
export interface ConceptRef { id: number; full_name: string; relation: 'self' | 'equal' | 'includes' | 'included_in' | 'overlaps' }
export interface Instrument { code: string; name: string; kind: 'agreement' | 'mou'; since: string | null }
/** The status of a taxon in both conventions, the same in every list (search, country, match, species group). */
export interface JoinedStatus {
  cites_listing: string | null;
  cms_listing: string | null;
  cites_concept: ConceptRef | null;
  cms_concept: ConceptRef | null;
  cms_instruments: Instrument[];
  /** The day each convention's data are complete to. */
  cites_as_of: string | null;
  cms_as_of: string | null;
}
export interface SourceAsOf { source: string; file: string; as_of: string }
export interface ConventionCoverage { complete: SourceAsOf | null; partial: SourceAsOf[]; recorded: { count: number; latest: string | null }; meetings: { name: string; date: string | null; covered: boolean }[] }

export interface TaxonSummary extends JoinedStatus {
  id: number;
  taxonomy: Convention;
  speciesplus_id: number | null;
  full_name: string;
  author_year: string | null;
  rank: string;
  name_status: string;
  higher_taxa: HigherTaxa;
  updated_at: string;
  /** Which name matched the search (synonym, common name). */
  matched: { name: string; kind: 'accepted' | 'synonym' | 'common'; language: string | null } | null;
}

/** Why a taxon has its status: structured, rendered in the reader's language (text is English). */
export interface StatusReason {
  kind: string; text: string; appendix?: string; appendices?: string[]; effective_at?: string | null; change_id?: number | string; party?: string | null;
  from?: { id: number; name: string; rank: string } | null; included?: string[]; excluded?: string[]; since?: string;
  hash_symbol?: string | null; relation?: string; concept?: { id: number; full_name: string };
}
export interface ConventionStatus {
  listed: boolean; listing: string | null; appendices: string[]; reasons: StatusReason[];
  basis: 'listing-engine' | 'source-current-listings' | 'listing-history';
  concept: ConceptRef | null;
}
export interface ListingChange {
  id: number; convention: Convention; appendix: string; change_type: string; effective_at: string | null; party: string | null;
  is_current: boolean; populations_included: string[]; populations_excluded: string[]; inclusion_taxon_concept_id: number | null;
  annotation: { en: string | null; es: string | null; fr: string | null; hash_symbol: string | null; hash_text: string | null };
  event: string | null; provenance: Provenance;
  /** Other sources stating the same change (it is stored once). */
  other_sources: Provenance[];
}
export interface ListingPeriod { convention: Convention; appendix: string; party: string | null; from: string; to: string | null }
export interface ConceptLink {
  id: number; relation: string; basis: string; origin: string; confidence: number; review: boolean;
  evidence: Record<string, unknown> | null; comment: string | null; updated_at: string;
  other: { id: number; taxonomy: Convention; full_name: string; rank: string };
}
export interface ImportRun { id: number; source: string; file: string; status: string; started_at: string; finished_at: string | null }
export interface Distribution { iso2: string; name: string; type: string; is_current: boolean; tags: string[]; references: string[]; provenance: Provenance }
export interface NameRow { id: number; full_name: string; author_year: string | null; rank: string; name_status?: string; provenance?: Provenance }

export interface TaxonDetail extends Omit<TaxonSummary, 'matched'> {
  legacy_id: string | null;
  provenance: Provenance;
  names: {
    accepted: { full_name: string; author_year: string | null };
    accepted_names: NameRow[];
    synonyms: NameRow[];
    common_names: Record<string, { name: string; provenance: Provenance }[]>;
  };
  ancestors: { id: number; full_name: string; rank: string }[];
  distributions: Distribution[];
  status: { CITES: ConventionStatus; CMS: ConventionStatus };
  listing_history: ListingChange[];
  listing_periods: ListingPeriod[];
  links: ConceptLink[];
  references: { citation: string; is_standard: boolean; speciesplus_id: number | null; provenance: Provenance }[];
  conservation: { source: string; category: string; criteria: string | null; year_published: number | null; population_trend: string | null; assessed_name: string; provenance: Provenance }[];
  import_runs: ImportRun[];
}

export interface Membership { party: boolean; since: string | null; according_to?: { source: string | null; file: string | null; as_of: string | null; origin: string } | null }
export interface Country {
  iso2: string; iso3: string | null; m49: string | null; type: string;
  name: { en: string; fr: string | null; es: string | null };
  region: string | null; is_current: boolean;
  parties: { CITES: Membership; CMS: Membership };
}
/** One species occurring in the country, with its status in both conventions (shared: listed in both). */
export interface CountrySpecies extends JoinedStatus {
  id: number; taxonomy: Convention; full_name: string; rank: string; family: string | null; tags: string[]; shared: boolean;
}
export interface CountryDetail extends Country { species_count: number; shared_species_count: number; species: CountrySpecies[] }

export interface MatchCandidate extends JoinedStatus {
  matched_name: string | null; matched_status: string | null; accepted_name: string | null; taxonomy: Convention | null;
  taxon_id: number | null; accepted_id: number | null; kingdom: string | null; rank: string | null; note?: string | null;
}
/** Why a match is what it is: a stable code (translated as why.<code>), its values and the English text. */
export interface MatchReason { code: string; text: string; params: Record<string, string | number> }
export interface MatchResult extends MatchCandidate {
  verbatim: string; canonical: string | null; match_type: string; edit_distance: number; score: number;
  authorship: string | null; matched_authorship: string | null; authorship_match: 'exact' | 'compatible' | 'different' | 'unknown'; authorship_score: number;
  vernacular: { name: string; languages: string[] } | null; ambiguous: boolean;
  alternatives: MatchCandidate[]; warnings: string[]; reasons: MatchReason[]; why: string;
}

/** The counts /health gives, in the API's casing (its camelCase aliases are deprecated). */
export const HEALTH_COUNTS = ['cites_taxon_concepts', 'cms_taxon_concepts', 'listing_changes', 'distributions', 'geo_entities'] as const;

export interface Health {
  status: string;
  database: { kind: string; reachable: boolean };
  data_version: string | null;
  counts?: Record<(typeof HEALTH_COUNTS)[number], number>;
  sources?: { source: string; file?: string; finishedAt?: string | null; status?: string }[];
}

// --- Calls ---

export interface TaxaQuery {
  q?: string; taxonomy?: Taxonomy; rank?: string; higher_taxon?: string; cites_appendix?: string; cms_appendix?: string; cms_instrument?: string;
  range_state?: string; name_status?: 'accepted' | 'any'; page?: number; per_page?: number;
}

let countriesCache: Promise<Country[]> | null = null;
const prefetched = new Map<string, Promise<TaxonDetail>>();

/** Start loading a taxon while the page's code chunk downloads (route loader). */
export function prefetchTaxon(id: string | undefined): void {
  if (!id || !/^\d{1,10}$/.test(id) || prefetched.has(id)) return;
  const p = getJson<TaxonDetail>(`/api/v1/taxa/${id}`);
  p.catch(() => prefetched.delete(id));
  prefetched.set(id, p);
}

export const api = {
  searchTaxa: (query: TaxaQuery, signal?: AbortSignal) =>
    getPage<TaxonSummary>(`/api/v1/taxa${qs({ ...query })}`, signal),
  taxon: (id: string | number, signal?: AbortSignal): Promise<TaxonDetail> => {
    const early = prefetched.get(String(id));
    prefetched.delete(String(id));
    return early ?? getJson<TaxonDetail>(`/api/v1/taxa/${encodeURIComponent(String(id))}`, signal);
  },
  /** Countries change rarely: one request a page load, shared by every page. */
  countries: (signal?: AbortSignal): Promise<Country[]> => {
    countriesCache ??= getJson<Country[]>('/api/v1/countries').catch((err: unknown) => { countriesCache = null; throw err; });
    return signal ? Promise.race([countriesCache, new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))]) : countriesCache;
  },
  country: async (iso2: string, params: { shared?: boolean; taxonomy?: Taxonomy; page?: number; per_page?: number }, signal?: AbortSignal) => {
    const query = qs({ shared: params.shared ? 'true' : undefined, taxonomy: params.taxonomy === 'both' ? undefined : params.taxonomy, page: params.page, per_page: params.per_page });
    const res = await request(`/api/v1/countries/${encodeURIComponent(iso2)}${query}`, { signal });
    return (await res.json()) as CountryDetail;
  },
  jointList: (params: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    getJson<unknown>(`/api/v1/joint-list${qs(params)}`, signal),
  alignment: (params: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    getJson<unknown>(`/api/v1/alignment${qs(params)}`, signal),
  health: (signal?: AbortSignal) => getJson<Health>('/health', signal),
  coverage: (signal?: AbortSignal) => getJson<Record<Convention, ConventionCoverage>>('/api/v1/coverage', signal),
  /** The CMS Agreements and MOUs (for the instrument filter). */
  instruments: (signal?: AbortSignal) => getJson<{ code: string; name: string; title: string; kind: 'agreement' | 'mou' }[]>('/api/v1/cms-instruments', signal),
  matchNames: async (names: string[], signal?: AbortSignal): Promise<MatchResult[]> => {
    const res = await request('/api/v1/names/match', {
      method: 'POST', signal, body: JSON.stringify(names), headers: { 'content-type': 'application/json' },
    });
    return (await res.json()) as MatchResult[];
  },
};

/** URL of a CSV export for a download link. */
export function csvUrl(path: string, params: Record<string, string | number | undefined> = {}): string {
  return `${path}${qs({ ...params, format: 'csv' })}`;
}

/** A listing summary as a badge status. */
export function asStatus(listing: string | null | undefined): StatusSummary | null {
  return listing ? { listing, appendices: listing.split('/') } : null;
}

export interface StatusSummary { listing: string | null; appendices: string[] }
