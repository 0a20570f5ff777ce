// Country: Party to CITES/CMS since when; species occurring there (all, or
// listed by both conventions) with status badges; CSV download.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError, statusOf, type TaxonSummary, type Taxonomy } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading, StatusBadges } from '../components/Status';
import { NotFound } from '../components/NotFound';
import { countryLabel, partySince } from '../countries';
import { formatDate, formatNumber } from '../i18n';
import { downloadText, toCsv } from '../csv';

const PER_PAGE = 50;
const listing = (t: TaxonSummary, c: 'cites' | 'cms') => { const s = statusOf(t, c); return s?.listing ?? s?.appendices?.join('/') ?? ''; };

export default function CountryPage() {
  const { iso2 = '' } = useParams();
  const code = iso2.toUpperCase();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [taxonomy, setTaxonomy] = useState<Taxonomy>('both');
  const [sharedOnly, setSharedOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [downloading, setDownloading] = useState(false);
  const country = useApi((s) => api.country(code, {}, s), [code]);
  const query = { country: code, taxonomy, shared: sharedOnly ? 'true' : undefined, per_page: PER_PAGE };
  const species = useApi((s) => api.searchTaxa({ ...query, page } as never, s), [code, taxonomy, sharedOnly, page]);
  useEffect(() => { if (country.data) document.title = `${countryLabel(country.data, lang)} · Concord`; }, [country.data, lang]);

  if (!/^[A-Za-z]{2}$/.test(iso2) || (country.error instanceof ApiError && country.error.status === 404)) return <NotFound what={t('notFound.country', { id: iso2 })} />;
  if (country.error) return <ErrorMessage error={country.error} />;
  if (!country.data) return <Loading />;
  const c = country.data;
  const shown = (species.data?.items ?? []).filter((x) => !sharedOnly || (listing(x, 'cites') && listing(x, 'cms')));
  const lastPage = species.data ? Math.max(1, Math.ceil(species.data.total / PER_PAGE)) : 1;

  const download = async () => {
    setDownloading(true);
    try {
      const all: TaxonSummary[] = [];
      for (let p = 1; ; p++) {
        const res = await api.searchTaxa({ ...query, page: p, per_page: 500 } as never);
        all.push(...res.items);
        if (res.items.length === 0 || all.length >= res.total) break;
      }
      const rows = all.filter((x) => !sharedOnly || (listing(x, 'cites') && listing(x, 'cms')));
      downloadText(`concord-${code}-species.csv`, toCsv(['id', 'taxonomy', 'full_name', 'rank', 'class', 'order', 'family', 'cites', 'cms'],
        rows.map((x) => [x.id, x.taxonomy, x.fullName, x.rank, x.className, x.orderName, x.familyName, listing(x, 'cites'), listing(x, 'cms')])));
    } finally { setDownloading(false); }
  };

  const party = (conv: 'CITES' | 'CMS') => {
    const p = partySince(c, conv);
    return p.party ? (p.since ? t('country.partySince', { convention: conv, date: formatDate(p.since, lang) }) : t('country.party', { convention: conv })) : t('country.notParty', { convention: conv });
  };
  return (
    <article aria-labelledby="country-title">
      <h1 id="country-title">{countryLabel(c, lang)} <small>({c.iso2})</small></h1>
      <ul className="party">
        <li>{party('CITES')}</li>
        <li>{party('CMS')}</li>
      </ul>
      <h2>{t('country.species')}</h2>
      <fieldset className="filters">
        <legend>{t('search.filters')}</legend>
        <label>{t('search.convention')}
          <select value={taxonomy} onChange={(e) => { setTaxonomy(e.target.value as Taxonomy); setPage(1); }}>
            <option value="both">{t('search.both')}</option><option value="cites">CITES</option><option value="cms">CMS</option>
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={sharedOnly} onChange={(e) => { setSharedOnly(e.target.checked); setPage(1); }} /> {t('country.sharedOnly')}</label>
      </fieldset>
      <button type="button" className="download" onClick={download} disabled={downloading}>{downloading ? t('common.preparing') : t('common.downloadCsv')}</button>
      {species.error ? <ErrorMessage error={species.error} /> : !species.data ? <Loading /> : (
        <div aria-busy={species.loading}>
          <p role="status">{t('search.count', { count: species.data.total, n: formatNumber(species.data.total, lang) })}</p>
          <ul className="results">
            {shown.map((x) => (
              <li key={x.id}><Link to={`/taxa/${x.id}`}><em>{x.fullName}</em></Link> <span className="meta">{x.taxonomy} · {x.familyName ?? ''}</span> <StatusBadges cites={statusOf(x, 'cites')} cms={statusOf(x, 'cms')} /></li>
            ))}
          </ul>
          {lastPage > 1 ? (
            <nav className="pager" aria-label={t('common.pages')}>
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('common.previous')}</button>
              <span>{t('common.pageOf', { page: formatNumber(page, lang), last: formatNumber(lastPage, lang) })}</span>
              <button type="button" disabled={page >= lastPage} onClick={() => setPage(page + 1)}>{t('common.next')}</button>
            </nav>
          ) : null}
        </div>
      )}
    </article>
  );
}
