// Search: autocomplete as you type (debounced, stale requests aborted, previous
// suggestions kept until new ones arrive), filters kept in the URL, and a
// result list with both conventions' status badges.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, asStatus, type TaxonSummary, type TaxaQuery, type Taxonomy } from '../api';
import { useApi, useDebounced } from '../hooks';
import { ErrorMessage, Loading, StatusBadges } from '../components/Status';
import { JoinedBadges } from '../components/Joined';
import { formatNumber } from '../i18n';
import { countryLabel } from '../countries';

const FILTERS = ['taxonomy', 'cites_appendix', 'cms_appendix', 'cms_instrument', 'higher_taxon', 'rank', 'range_state'] as const;
const PER_PAGE = 25;

function Autocomplete({ initial, onSubmit }: { initial: string; onSubmit: (q: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [suggestions, setSuggestions] = useState<TaxonSummary[]>([]);
  const query = useDebounced(text.trim(), 180);
  const ctrl = useRef<AbortController | null>(null);

  useEffect(() => setText(initial), [initial]);
  useEffect(() => {
    if (query.length < 2) { setSuggestions([]); return; }
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    api.searchTaxa({ q: query, per_page: 8, taxonomy: 'both' }, c.signal).then(
      (page) => { if (!c.signal.aborted) { setSuggestions(page.items); setActive(-1); } },
      () => { /* keep previous suggestions on error or abort */ },
    );
    return () => c.abort();
  }, [query]);

  const listId = `${id}-list`;
  const show = open && suggestions.length > 0 && text.trim().length >= 2;
  const choose = (s: TaxonSummary) => { setOpen(false); navigate(`/taxa/${s.id}`); };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, suggestions.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, -1)); }
    else if (e.key === 'Escape') setOpen(false);
    else if (e.key === 'Enter' && show && active >= 0) { e.preventDefault(); choose(suggestions[active]); }
  };
  return (
    <form role="search" className="search-box" onSubmit={(e: FormEvent) => { e.preventDefault(); setOpen(false); onSubmit(text.trim()); }}>
      <label htmlFor={`${id}-q`}>{t('search.label')}</label>
      <div className="combo">
        <input
          id={`${id}-q`} type="search" value={text} autoComplete="off" spellCheck={false}
          placeholder={t('search.placeholder')}
          role="combobox" aria-autocomplete="list" aria-expanded={show} aria-controls={listId}
          aria-activedescendant={show && active >= 0 ? `${listId}-${active}` : undefined}
          onChange={(e) => { setText(e.target.value); setOpen(true); }}
          onKeyDown={onKey} onFocus={() => setOpen(true)} onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <button type="submit">{t('search.submit')}</button>
        <ul id={listId} role="listbox" className="suggestions" hidden={!show} aria-label={t('search.suggestions')}>
          {suggestions.map((s, i) => (
            <li key={`${s.id}`} id={`${listId}-${i}`} role="option" aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => { e.preventDefault(); choose(s); }}>
              <span className="sci">{s.full_name}</span>
              {s.matched?.name && s.matched?.name !== s.full_name ? <span className="via"> ({s.matched?.name})</span> : null}
              <span className="tax"> · {s.taxonomy}</span>
              <StatusBadges cites={asStatus(s.cites_listing)} cms={asStatus(s.cms_listing)} />
              {(['CITES', 'CMS'] as const).map((c) => { const ref = c === 'CITES' ? s.cites_concept : s.cms_concept; return ref && ref.relation === 'equal' && ref.full_name !== s.full_name ? <span key={c} className="via"> · {t('joined.in', { convention: c, name: ref.full_name })}</span> : null; })}
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}

function Filters({ params, set }: { params: URLSearchParams; set: (k: string, v: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const countries = useApi((s) => api.countries(s), []);
  const instruments = useApi((s) => api.instruments(s), []);
  const sorted = [...(countries.data ?? [])].filter((c) => c.is_current && c.type !== 'REGION').sort((a, b) => countryLabel(a, lang).localeCompare(countryLabel(b, lang), lang));
  return (
    <fieldset className="filters">
      <legend>{t('search.filters')}</legend>
      <label>{t('search.convention')}
        <select value={params.get('taxonomy') ?? 'both'} onChange={(e) => set('taxonomy', e.target.value)}>
          <option value="both">{t('search.both')}</option>
          <option value="cites">CITES</option>
          <option value="cms">CMS</option>
        </select>
      </label>
      {(['cites_appendix', 'cms_appendix'] as const).map((k) => (
        <label key={k}>{t(`search.${k}`)}
          <select value={params.get(k) ?? ''} onChange={(e) => set(k, e.target.value)}>
            <option value="">{t('search.any')}</option>
            {(k === 'cites_appendix' ? ['I', 'II', 'III'] : ['I', 'II']).map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
      ))}
      <label>{t('joined.cms_instrument')}
        <select value={params.get('cms_instrument') ?? ''} onChange={(e) => set('cms_instrument', e.target.value)}>
          <option value="">{t('search.any')}</option>
          {(instruments.data ?? []).map((i) => <option key={i.code} value={i.code}>{t(`instrument.${i.code}`, { defaultValue: i.name })}</option>)}
        </select>
      </label>
      <label>{t('search.higherTaxon')}
        <input type="text" defaultValue={params.get('higher_taxon') ?? ''} placeholder={t('search.higherTaxonHint')}
          onBlur={(e) => set('higher_taxon', e.target.value.trim())}
          onKeyDown={(e) => { if (e.key === 'Enter') set('higher_taxon', (e.target as HTMLInputElement).value.trim()); }} />
      </label>
      <label>{t('search.rank')}
        <select value={params.get('rank') ?? ''} onChange={(e) => set('rank', e.target.value)}>
          <option value="">{t('search.any')}</option>
          {['CLASS', 'ORDER', 'FAMILY', 'GENUS', 'SPECIES', 'SUBSPECIES'].map((r) => <option key={r} value={r}>{t(`rank.${r}`)}</option>)}
        </select>
      </label>
      <label>{t('search.country')}
        <select value={params.get('range_state') ?? ''} onChange={(e) => set('range_state', e.target.value)}>
          <option value="">{t('search.any')}</option>
          {sorted.map((c) => <option key={c.iso2} value={c.iso2}>{countryLabel(c, lang)}</option>)}
        </select>
      </label>
    </fieldset>
  );
}

export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const hasQuery = q !== '' || FILTERS.some((f) => f !== 'taxonomy' && params.get(f));
  useEffect(() => { document.title = q ? `${q} · Concord` : `${t('search.title')} · Concord`; }, [q, t]);

  const query: TaxaQuery = { q: q || undefined, page, per_page: PER_PAGE, taxonomy: (params.get('taxonomy') as Taxonomy) || 'both' };
  for (const f of FILTERS.slice(1)) if (params.get(f)) (query as Record<string, string>)[f] = params.get(f)!;
  const key = JSON.stringify(query);
  const results = useApi((s) => (hasQuery ? api.searchTaxa(query, s) : Promise.resolve(null)), [key]);

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v && !(k === 'taxonomy' && v === 'both')) next.set(k, v); else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  const lastPage = results.data ? Math.max(1, Math.ceil(results.data.total / PER_PAGE)) : 1;

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t('search.title')}</h1>
      <p className="lead">{t('search.intro')}</p>
      <Autocomplete initial={q} onSubmit={(v) => set('q', v)} />
      <Filters params={params} set={set} />
      {!hasQuery ? null : results.error ? <ErrorMessage error={results.error} /> : results.loading && !results.data ? <Loading /> : results.data ? (
        <div aria-busy={results.loading}>
          <p role="status">{t('search.count', { count: results.data.total, n: formatNumber(results.data.total, i18n.language) })}</p>
          <ol className="results">
            {results.data.items.map((r) => (
              <li key={r.id}>
                <Link to={`/taxa/${r.id}`}><em className="sci">{r.full_name}</em></Link>
                {r.author_year ? <span className="author"> {r.author_year}</span> : null}
                {r.matched?.name && r.matched?.name !== r.full_name ? <span className="via"> — {t('search.matchedVia', { name: r.matched?.name })}</span> : null}
                <div className="meta">
                  <span>{r.taxonomy} · {t(`rank.${r.rank}`, { defaultValue: r.rank })}</span>
                  {r.higher_taxa.family ? <span> · {r.higher_taxa.family}</span> : null}
                  {' '}<JoinedBadges s={r} self={r.full_name} />
                </div>
              </li>
            ))}
          </ol>
          {lastPage > 1 ? (
            <nav className="pager" aria-label={t('common.pages')}>
              <button type="button" disabled={page <= 1} onClick={() => set('page', String(page - 1))}>{t('common.previous')}</button>
              <span>{t('common.pageOf', { page: formatNumber(page, i18n.language), last: formatNumber(lastPage, i18n.language) })}</span>
              <button type="button" disabled={page >= lastPage} onClick={() => set('page', String(page + 1))}>{t('common.next')}</button>
            </nav>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
