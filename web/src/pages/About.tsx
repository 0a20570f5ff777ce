// About the data: sources and their dates, licences, known gaps.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, HEALTH_COUNTS } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate, formatNumber } from '../i18n';
import { DOWNLOADS } from '../downloads';

export default function AboutPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  useEffect(() => { document.title = `${t('about.title')} · Concord`; }, [t]);
  const health = useApi((s) => api.health(s), []);
  const cover = useApi((s) => api.coverage(s), []);
  const h = health.data;
  return (
    <article aria-labelledby="about-title">
      <h1 id="about-title">{t('about.title')}</h1>
      <p className="lead">{t('about.intro')}</p>
      <h2>{t('about.version')}</h2>
      {health.error ? <ErrorMessage error={health.error} /> : !h ? <Loading /> : (
        <>
          <p>{h.data_version ? t('about.dataVersion', { date: formatDate(h.data_version, lang) }) : t('about.noData')}</p>
          {h.counts ? (
            <dl className="counts">
              {HEALTH_COUNTS.map((k) => <div key={k}><dt>{t(`about.count.${k}`)}</dt><dd>{formatNumber(h.counts![k], lang)}</dd></div>)}
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
      <h2 id="downloads">{t('about.downloadsTitle')}</h2>
      <ul className="downloads">
        {DOWNLOADS.map((d) => <li key={d.key}><a href={d.href} download>{t(`about.download.${d.key}`)}</a> ({d.format})</li>)}
      </ul>
      <h2>{t('about.apiTitle')}</h2>
      <p>{t('about.api')}</p>
      <ul>
        <li><a href="/docs">{t('footer.apiDocs')}</a></li>
        <li><a href="/openapi.json">{t('footer.openapi')}</a></li>
      </ul>
      <h2>{t('about.licenceTitle')}</h2>
      <p>{t('about.licence')}</p>
      <h2>{t('coverage.title')}</h2>
      {cover.error ? <ErrorMessage error={cover.error} /> : !cover.data ? <Loading /> : (['CITES', 'CMS'] as const).map((c) => {
        const v = cover.data![c];
        return (
          <section key={c} aria-labelledby={`cover-${c}`}>
            <h3 id={`cover-${c}`}>{c}</h3>
            <p>{v.complete ? t('coverage.complete', { date: formatDate(v.complete.as_of, lang), source: v.complete.source, file: v.complete.file }) : t('coverage.none')}</p>
            {v.partial.length ? <p>{t('coverage.partial')} {v.partial.map((p) => `${p.source} (${p.file}, ${formatDate(p.as_of, lang)})`).join('; ')}</p> : null}
            {v.recorded.count ? <p>{t('coverage.recorded', { count: v.recorded.count, date: formatDate(v.recorded.latest, lang) })}</p> : null}
            {v.meetings.length ? (
              <>
                <h4>{t('coverage.meetings')}</h4>
                <ul className="meetings">{v.meetings.map((m) => <li key={m.name}>{m.name}{m.date ? ` (${formatDate(m.date, lang)})` : ''}: {m.covered ? t('coverage.covered') : t('coverage.notCovered')}</li>)}</ul>
              </>
            ) : null}
            {v.complete ? <p>{t('coverage.after', { date: formatDate(v.complete.as_of, lang) })}</p> : null}
          </section>
        );
      })}
    </article>
  );
}
