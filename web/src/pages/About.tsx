// About the data: sources and their dates, licences, known gaps.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate, formatNumber } from '../i18n';

export default function AboutPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  useEffect(() => { document.title = `${t('about.title')} · Concord`; }, [t]);
  const health = useApi((s) => api.health(s), []);
  const h = health.data;
  return (
    <article aria-labelledby="about-title">
      <h1 id="about-title">{t('about.title')}</h1>
      <p className="lead">{t('about.intro')}</p>
      <h2>{t('about.version')}</h2>
      {health.error ? <ErrorMessage error={health.error} /> : !h ? <Loading /> : (
        <>
          <p>{h.dataVersion ? t('about.dataVersion', { date: formatDate(h.dataVersion, lang) }) : t('about.noData')}</p>
          {h.counts ? (
            <dl className="counts">
              {Object.entries(h.counts).map(([k, v]) => <div key={k}><dt>{t(`about.count.${k}`, { defaultValue: k })}</dt><dd>{formatNumber(v, lang)}</dd></div>)}
            </dl>
          ) : null}
          {h.sources?.length ? (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('common.source')}</th><th scope="col">{t('about.file')}</th><th scope="col">{t('about.date')}</th></tr></thead>
                <tbody>{h.sources.map((s, i) => <tr key={i}><td>{s.source}</td><td>{s.file}</td><td>{formatDate(s.finishedAt, lang)}</td></tr>)}</tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
      <h2>{t('about.sourcesTitle')}</h2>
      <ul>
        {['checklist', 'legacy', 'current', 'arctic', 'parties', 'countries'].map((k) => <li key={k}>{t(`about.source.${k}`)}</li>)}
      </ul>
      <h2>{t('about.licenceTitle')}</h2>
      <p>{t('about.licence')}</p>
      <h2>{t('about.gapsTitle')}</h2>
      <ul>
        <li>{t('about.gap.cms')}</li>
        <li>{t('about.gap.parties')}</li>
        <li>{t('about.gap.checklist')}</li>
      </ul>
    </article>
  );
}
