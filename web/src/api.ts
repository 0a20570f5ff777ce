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

// --- Shapes ---

export interface StatusSummary {
  listing: string | null;
  appendices: string[];
}

export interface TaxonSummary {
  id: number;
  taxonomy: Convention;
  fullName: string;
  authorYear?: string | null;
  rank: string;
  nameStatus?: string;
  className?: string | null;
  orderName?: string | null;
  familyName?: string | null;
  /** The name that matched the query when it was a synonym or common name. */
  matchedName?: string | null;
  matchedBy?: string | null;
  status?: { cites?: StatusSummary | null; cms?: StatusSummary | null };
  cites?: StatusSummary | null;
  cms?: StatusSummary | null;
}

export interface Source {
  source?: string;
  file?: string | null;
  line?: number | null;
  importRunId?: number | null;
  importedAt?: string | null;
  date?: string | null;
}

export interface NameRef { id: number; taxonomy?: Convention; fullName: string; authorYear?: string | null; rank?: string; nameStatus?: string; source?: Source | null }
export interface CommonName { name: string; language: string; source?: Source | null }
export interface Distribution {
  iso2: string; iso3?: string | null; m49?: string | null; name: string;
  nameFr?: string | null; nameEs?: string | null; tags: string[]; source?: Source | null;
}
export interface StatusReason {
  appendix?: string; changeType?: string; effectiveAt?: string | null; text?: string; kind?: string;
  populationsIncluded?: string[]; populationsExcluded?: string[]; annotation?: string | null; inheritedFrom?: string | null;
  [k: string]: unknown;
}
export interface ConventionStatus {
  convention?: Convention;
  listing: string | null;
  appendices: string[];
  reasons: StatusReason[];
  annotations?: Record<string, unknown>[];
  taxonId?: number | null;
  computedAt?: string | null;
  source?: Source | null;
}
export interface ListingChange {
  id?: number; convention: Convention; appendix: string; changeType: string; effectiveAt: string | null;
  event?: string | null; partyIso2?: string | null; isCurrent?: boolean;
  populationsIncluded?: string[]; populationsExcluded?: string[];
  annotationEn?: string | null; annotationFr?: string | null; annotationEs?: string | null;
  hashSymbol?: string | null; source?: Source | null; taxonId?: number;
}
export interface ConceptLink {
  relation: string; basis: string; origin?: string; confidence?: number; review?: boolean;
  cms?: NameRef | null; cites?: NameRef | null;
  evidence?: Record<string, unknown> | null; comment?: string | null;
}
export interface TaxonDetail extends TaxonSummary {
  parent?: NameRef | null;
  accepted?: NameRef | null;
  higherTaxa?: { rank: string; name: string; id?: number | null }[] | Record<string, string | null>;
  synonyms?: NameRef[];
  commonNames?: CommonName[];
  distributions?: Distribution[];
  statuses?: { cites?: ConventionStatus | null; cms?: ConventionStatus | null };
  listingHistory?: ListingChange[];
  link?: ConceptLink | null;
  links?: ConceptLink[];
  counterpart?: NameRef | null;
  sources?: Source[];
}

export interface Country {
  iso2: string; iso3?: string | null; m49?: string | null; name: string; nameEn?: string; nameFr?: string | null; nameEs?: string | null;
  type?: string; region?: string | null;
  cites?: { party: boolean; since: string | null } | null;
  cms?: { party: boolean; since: string | null } | null;
  memberships?: { convention: Convention; entryIntoForce: string | null }[];
}
export interface CountryDetail extends Country {
  species?: TaxonSummary[];
  counts?: Record<string, number>;
}

export interface JointListRow {
  [k: string]: unknown;
}

export interface MatchResult {
  input: string;
  matchType: string;
  matchedName?: string | null;
  taxonId?: number | null;
  taxonomy?: Convention | null;
  accepted?: NameRef | null;
  acceptedName?: string | null;
  cites?: StatusSummary | null;
  cms?: StatusSummary | null;
  [k: string]: unknown;
}

export interface Health {
  status: string;
  database: { kind: string; reachable: boolean };
  dataVersion: string | null;
  counts?: Record<string, number>;
  sources?: { source: string; file?: string; finishedAt?: string | null; status?: string }[];
}

// --- Calls ---

export interface TaxaQuery {
  q?: string; taxonomy?: Taxonomy; rank?: string; appendix?: string; convention?: string;
  class?: string; order?: string; family?: string; country?: string; page?: number; per_page?: number;
}

export const api = {
  searchTaxa: (query: TaxaQuery, signal?: AbortSignal) =>
    getPage<TaxonSummary>(`/api/v1/taxa${qs({ ...query })}`, signal),
  taxon: (id: string | number, signal?: AbortSignal) => getJson<TaxonDetail>(`/api/v1/taxa/${encodeURIComponent(String(id))}`, signal),
  taxonStatus: (id: string | number, on: string, signal?: AbortSignal) =>
    getJson<unknown>(`/api/v1/taxa/${encodeURIComponent(String(id))}/status${qs({ on })}`, signal),
  countries: (signal?: AbortSignal) => getPage<Country>('/api/v1/countries?per_page=500', signal),
  country: (iso2: string, params: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    getJson<CountryDetail>(`/api/v1/countries/${encodeURIComponent(iso2)}${qs(params)}`, signal),
  jointList: (params: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    getJson<unknown>(`/api/v1/joint-list${qs(params)}`, signal),
  alignment: (params: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    getJson<unknown>(`/api/v1/alignment${qs(params)}`, signal),
  health: (signal?: AbortSignal) => getJson<Health>('/health', signal),
  matchNames: async (names: string[], signal?: AbortSignal): Promise<MatchResult[]> => {
    const res = await request('/api/v1/names/match', {
      method: 'POST', signal, body: JSON.stringify(names), headers: { 'content-type': 'application/json' },
    });
    const body = (await res.json()) as MatchResult[] | { results?: MatchResult[]; items?: MatchResult[] };
    return Array.isArray(body) ? body : body.results ?? body.items ?? [];
  },
};

/** URL of a CSV export for a download link. */
export function csvUrl(path: string, params: Record<string, string | number | undefined> = {}): string {
  return `${path}${qs({ ...params, format: 'csv' })}`;
}

export function statusOf(t: TaxonSummary, convention: 'cites' | 'cms'): StatusSummary | null {
  return t.status?.[convention] ?? t[convention] ?? null;
}
