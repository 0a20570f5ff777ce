// Countries: every State with its CITES and CMS Party status.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading } from '../components/Status';
import { countryLabel, partySince } from '../countries';
import { formatDate } from '../i18n';

export default function CountriesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [filter, setFilter] = useState('');
  useEffect(() => { document.title = `${t('countries.title')} · Concord`; }, [t]);
  const data = useApi((s) => api.countries(s), []);
  const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const matching = (data.data ?? []).filter((c) => !filter || fold(countryLabel(c, lang)).includes(fold(filter)) || c.iso2.toLowerCase() === filter.toLowerCase())
    .sort((a, b) => countryLabel(a, lang).localeCompare(countryLabel(b, lang), lang));
  // Countries and territories first; former countries and other places (CITES regions, the sea) apart.
  const rows = matching.filter((c) => c.is_current && c.type !== 'REGION');
  const others = matching.filter((c) => !(c.is_current && c.type !== 'REGION'));
  const since = (p: { party: boolean; since: string | null }) => (p.party ? (p.since ? formatDate(p.since, lang) : t('common.yes')) : '–');
  return (
    <section aria-labelledby="countries-title">
      <h1 id="countries-title">{t('countries.title')}</h1>
      <label>{t('countries.filter')} <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} /></label>
      {data.error ? <ErrorMessage error={data.error} /> : !data.data ? <Loading /> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('taxon.country')}</th><th scope="col">ISO</th><th scope="col">{t('countries.citesSince')}</th><th scope="col">{t('countries.cmsSince')}</th></tr></thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.iso2}>
                  <td><Link to={`/countries/${c.iso2}`}>{countryLabel(c, lang)}</Link></td><td>{c.iso2}</td>
                  <td>{since(partySince(c, 'CITES'))}</td><td>{since(partySince(c, 'CMS'))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {others.length ? <><h2>{t('joined.otherPlaces')}</h2><ul>{others.map((c) => <li key={c.iso2}><Link to={`/countries/${c.iso2}`}>{countryLabel(c, lang)}</Link> ({c.iso2})</li>)}</ul></> : null}
        </div>
      )}
    </section>
  );
}
