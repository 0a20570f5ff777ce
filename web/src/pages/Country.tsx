// Country: Party to CITES/CMS since when; species occurring there (all, or
// only the shared ones: both conventions cover them here) with status badges,
// from the country's own answer; CSV download of the list.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type CountrySpecies, type Page, type Taxonomy } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading } from '../components/Status';
import { JoinedBadges } from '../components/Joined';
import { NotFound } from '../components/NotFound';
import { countryLabel, partySince } from '../countries';
import { formatDate, formatNumber } from '../i18n';
import { downloadText, toCsv } from '../csv';

const PER_PAGE = 50;

/** One page of the country's species (one row per species), each with its status in both conventions. */
async function speciesPage(iso2: string, opts: { taxonomy: Taxonomy; shared: boolean; page: number; perPage: number }, signal?: AbortSignal): Promise<Page<CountrySpecies>> {
  const d = await api.country(iso2, { shared: opts.shared, taxonomy: opts.taxonomy, page: opts.page, per_page: opts.perPage }, signal);
  return { items: d.species, total: d.species_count, page: opts.page, perPage: opts.perPage };
}

export default function CountryPage() {
  const { iso2 = '' } = useParams();
  const code = iso2.toUpperCase();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [taxonomy, setTaxonomy] = useState<Taxonomy>('both');
  const [shared, setShared] = useState(false);
  const [page, setPage] = useState(1);
  const [downloading, setDownloading] = useState(false);
  const valid = /^[A-Za-z]{2}$/.test(iso2);
  const country = useApi((s) => (valid ? api.country(code, { per_page: 1 }, s) : Promise.reject(new ApiError(404, null, 'bad code'))), [code]);
  const species = useApi((s) => (valid ? speciesPage(code, { taxonomy, shared, page, perPage: PER_PAGE }, s) : Promise.resolve(null)), [code, taxonomy, shared, page]);
  useEffect(() => { if (country.data) document.title = `${countryLabel(country.data, lang)} · Concord`; }, [country.data, lang]);

  if (country.error instanceof ApiError && (country.error.status === 404 || country.error.status === 400)) return <NotFound what={t('notFound.country', { id: iso2 })} />;
  if (country.error) return <ErrorMessage error={country.error} />;
  if (!country.data) return <Loading />;
  const c = country.data;
  const lastPage = species.data ? Math.max(1, Math.ceil(species.data.total / PER_PAGE)) : 1;

  const download = async () => {
    setDownloading(true);
    try {
      const all: CountrySpecies[] = [];
      for (let p = 1; p <= 200; p++) {
        const res = await speciesPage(code, { taxonomy, shared, page: p, perPage: 500 });
        all.push(...res.items);
        if (res.items.length < 500) break;
      }
      downloadText(`concord-${code}-${shared ? 'shared-' : ''}species.csv`, toCsv(['id', 'taxonomy', 'full_name', 'rank', 'family', 'cites_listing', 'cms_listing', 'cites_name', 'cms_name', 'cms_instruments', 'tags'],
        all.map((x) => [x.id, x.taxonomy, x.full_name, x.rank, x.family, x.cites_listing, x.cms_listing, x.cites_concept?.full_name ?? '', x.cms_concept?.full_name ?? '', x.cms_instruments.map((i) => i.name).join('; '), x.tags.join('; ')])));
    } finally { setDownloading(false); }
  };

  const party = (conv: 'CITES' | 'CMS') => {
    const p = partySince(c, conv);
    const src = p.according_to;
    const by = src ? t('country.accordingTo', { source: src.origin === 'curated' ? t('country.curated') : src.file ?? src.source, date: src.as_of ? formatDate(src.as_of, lang) : '' }) : '';
    if (p.party) return `${p.since ? t('country.partySince', { convention: conv, date: formatDate(p.since, lang) }) : t('country.party', { convention: conv })}${by ? ` (${by})` : ''}`;
    return src ? t('country.notPartyAccording', { convention: conv, by }) : t('country.notParty', { convention: conv });
  };
  return (
    <article aria-labelledby="country-title">
      <h1 id="country-title">{countryLabel(c, lang)} <small>({c.iso2})</small></h1>
      <ul className="party">
        <li>{party('CITES')}</li>
        <li>{party('CMS')}</li>
      </ul>
      <dl className="counts">
        <div><dt>{t('country.speciesCount')}</dt><dd>{formatNumber(c.species_count, lang)}</dd></div>
        <div><dt>{t('country.sharedCount')}</dt><dd>{formatNumber(c.shared_species_count, lang)}</dd></div>
      </dl>
      <h2>{t('country.species')}</h2>
      <fieldset className="filters">
        <legend>{t('search.filters')}</legend>
        <label>{t('search.convention')}
          <select value={taxonomy} onChange={(e) => { setTaxonomy(e.target.value as Taxonomy); setPage(1); }}>
            <option value="both">{t('search.both')}</option><option value="cites">CITES</option><option value="cms">CMS</option>
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={shared} onChange={(e) => { setShared(e.target.checked); setPage(1); }} /> {t('country.sharedOnly')}</label>
      </fieldset>
      <button type="button" className="download" onClick={download} disabled={downloading}>{downloading ? t('common.preparing') : t('common.downloadCsv')}</button>
      {species.error ? <ErrorMessage error={species.error} /> : !species.data ? <Loading /> : (
        <div aria-busy={species.loading}>
          <p role="status">{t('search.count', { count: species.data.total, n: formatNumber(species.data.total, lang) })}</p>
          <ul className="results">
            {species.data.items.map((x) => (
              <li key={x.id}>
                <Link to={`/taxa/${x.id}`}><em>{x.full_name}</em></Link> <span className="meta">{x.taxonomy}{x.family ? ` · ${x.family}` : ''}{x.tags.length ? ` · ${x.tags.map((g) => t(`tag.${g}`, { defaultValue: g })).join(', ')}` : ''}</span>
                {' '}<JoinedBadges s={x} self={x.full_name} />
              </li>
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
