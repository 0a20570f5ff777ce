// Taxon page: accepted names in both taxonomies and the link between them with
// its evidence; CITES and CMS status side by side; listing timeline;
// distribution map (lazy) with a table; names; sources and dates of each fact.
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type ConceptLink, type ConventionStatus, type Distribution, type ListingChange, type NameRef, type Source, type TaxonDetail } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading, StatusBadge } from '../components/Status';
import { NotFound } from '../components/NotFound';
import Timeline from '../components/Timeline';
import { formatDate } from '../i18n';
import { TAG_COLORS, tagOf } from '../components/mapTags';

const WorldMap = lazy(() => import('../components/WorldMap'));

function SourceNote({ source }: { source?: Source | null }) {
  const { t, i18n } = useTranslation();
  if (!source) return null;
  const date = source.date ?? source.importedAt;
  return (
    <small className="source">
      {t('common.source')}: {source.source ?? source.file}{source.line ? `:${source.line}` : ''}{date ? ` · ${formatDate(date, i18n.language)}` : ''}
    </small>
  );
}

function linkSentence(link: ConceptLink, t: (k: string, o?: Record<string, unknown>) => string): ReactNode {
  const cms = link.cms?.fullName;
  const cites = link.cites?.fullName;
  if (!cms || !cites) return t('link.none');
  const key = cms === cites ? 'link.same' : ['synonym', 'variant', 'fuzzy', 'rank', 'split_lump'].includes(link.basis) ? `link.${link.basis}` : 'link.other';
  return t(key, { cms, cites, relation: t(`relation.${link.relation}`, { defaultValue: link.relation }), basis: link.basis });
}

function Evidence({ link }: { link: ConceptLink }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(link.evidence ?? {});
  return (
    <details className="evidence">
      <summary>{t('link.evidence')}</summary>
      <dl>
        <dt>{t('link.relation')}</dt><dd>{t(`relation.${link.relation}`, { defaultValue: link.relation })}</dd>
        <dt>{t('link.basis')}</dt><dd>{t(`basis.${link.basis}`, { defaultValue: link.basis })}</dd>
        {link.origin ? <><dt>{t('link.origin')}</dt><dd>{t(`origin.${link.origin}`, { defaultValue: link.origin })}</dd></> : null}
        {link.confidence !== undefined ? <><dt>{t('link.confidence')}</dt><dd>{new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(link.confidence)}</dd></> : null}
        {entries.map(([k, v]) => <><dt key={`k${k}`}>{k}</dt><dd key={`v${k}`}>{typeof v === 'string' ? v : JSON.stringify(v)}</dd></>)}
        {link.comment ? <><dt>{t('link.comment')}</dt><dd>{link.comment}</dd></> : null}
      </dl>
    </details>
  );
}

function reasonText(r: Record<string, unknown>): string {
  if (typeof r.text === 'string') return r.text;
  if (typeof r.summary === 'string') return r.summary;
  return Object.entries(r).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('; ');
}

function StatusPanel({ convention, status, lang }: { convention: 'CITES' | 'CMS'; status?: ConventionStatus | null; lang: string }) {
  const { t } = useTranslation();
  return (
    <section className="status-panel" aria-labelledby={`st-${convention}`}>
      <h3 id={`st-${convention}`}>{convention} <StatusBadge convention={convention} status={status ?? null} /></h3>
      {!status || (!status.listing && status.appendices.length === 0) ? <p>{t('status.notListed')}</p> : null}
      {status?.reasons?.length ? (
        <ul className="reasons">
          {status.reasons.map((r, i) => {
            const ann = (lang === 'fr' ? r.annotationFr : lang === 'es' ? r.annotationEs : r.annotationEn) ?? r.annotation;
            const incl = r.populationsIncluded as string[] | undefined;
            const excl = r.populationsExcluded as string[] | undefined;
            return (
              <li key={i}>
                {r.appendix ? <strong>{t('status.appendix', { appendix: r.appendix })} </strong> : null}
                {r.effectiveAt ? <span>{t('status.since', { date: formatDate(r.effectiveAt as string, lang) })} </span> : null}
                <span>{reasonText(Object.fromEntries(Object.entries(r).filter(([k]) => !['appendix', 'effectiveAt', 'annotationEn', 'annotationFr', 'annotationEs', 'annotation', 'populationsIncluded', 'populationsExcluded', 'source'].includes(k))))}</span>
                {incl?.length ? <div>{t('status.populationsOnly', { list: incl.join(', ') })}</div> : null}
                {excl?.length ? <div>{t('status.populationsExcept', { list: excl.join(', ') })}</div> : null}
                {ann ? <div className="annotation">{String(ann)}</div> : null}
                <SourceNote source={r.source as Source | undefined} />
              </li>
            );
          })}
        </ul>
      ) : null}
      {status?.computedAt ? <small className="source">{t('status.computedAt', { date: formatDate(status.computedAt, lang) })}</small> : null}
      <SourceNote source={status?.source} />
    </section>
  );
}

function History({ changes, lang }: { changes: ListingChange[]; lang: string }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  const sorted = [...changes].sort((a, b) => (b.effectiveAt ?? '').localeCompare(a.effectiveAt ?? ''));
  return (
    <details className="history">
      <summary>{t('taxon.historyTable', { count: changes.length })}</summary>
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{t('taxon.date')}</th><th scope="col">{t('taxon.convention')}</th><th scope="col">{t('taxon.appendix')}</th><th scope="col">{t('taxon.change')}</th><th scope="col">{t('taxon.notes')}</th><th scope="col">{t('common.source')}</th></tr></thead>
          <tbody>
            {sorted.map((c, i) => (
              <tr key={c.id ?? i}>
                <td>{formatDate(c.effectiveAt, lang)}</td><td>{c.convention}</td><td>{c.appendix}</td>
                <td>{t(`change.${c.changeType}`, { defaultValue: c.changeType })}{c.partyIso2 ? ` (${c.partyIso2})` : ''}{c.isCurrent ? ` · ${t('taxon.current')}` : ''}</td>
                <td>{[c.event, lang === 'fr' ? c.annotationFr : lang === 'es' ? c.annotationEs : c.annotationEn, c.hashSymbol,
                  c.populationsIncluded?.length ? t('status.populationsOnly', { list: c.populationsIncluded.join(', ') }) : null,
                  c.populationsExcluded?.length ? t('status.populationsExcept', { list: c.populationsExcluded.join(', ') }) : null].filter(Boolean).join(' · ')}</td>
                <td><SourceNote source={c.source} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function countryName(d: Distribution, lang: string) {
  return (lang === 'fr' ? d.nameFr : lang === 'es' ? d.nameEs : null) ?? d.name;
}

function DistributionView({ distributions, lang }: { distributions: Distribution[]; lang: string }) {
  const { t } = useTranslation();
  const m49ByIso2 = useApi(async (s) => {
    const missing = distributions.some((d) => !d.m49);
    if (!missing) return new Map<string, string>();
    const page = await api.countries(s);
    return new Map(page.items.filter((c) => c.m49).map((c) => [c.iso2, c.m49!]));
  }, [distributions]);
  if (distributions.length === 0) return <p>{t('taxon.noDistribution')}</p>;
  const regions = distributions.map((d) => ({ m49: d.m49 ?? m49ByIso2.data?.get(d.iso2) ?? '', name: countryName(d, lang), tag: tagOf(d.tags) })).filter((r) => r.m49);
  const sorted = [...distributions].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), lang));
  return (
    <>
      <Suspense fallback={<p role="status">{t('map.loading')}</p>}><WorldMap regions={regions} /></Suspense>
      <div className="table-wrap">
        <table>
          <caption>{t('taxon.rangeStates', { count: distributions.length })}</caption>
          <thead><tr><th scope="col">{t('taxon.country')}</th><th scope="col">{t('taxon.tag')}</th><th scope="col">{t('common.source')}</th></tr></thead>
          <tbody>
            {sorted.map((d) => (
              <tr key={d.iso2}>
                <td><Link to={`/countries/${d.iso2}`}>{countryName(d, lang)}</Link></td>
                <td><span className="swatch" style={{ background: TAG_COLORS[tagOf(d.tags)] }} aria-hidden="true" /> {d.tags.length ? d.tags.map((tag) => t(`tag.${tag}`, { defaultValue: tag })).join(', ') : t('tag.NATIVE')}</td>
                <td><SourceNote source={d.source} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function NamesView({ taxon }: { taxon: TaxonDetail }) {
  const { t } = useTranslation();
  const byLang = new Map<string, { name: string; source?: Source | null }[]>();
  for (const c of taxon.commonNames ?? []) byLang.set(c.language, [...(byLang.get(c.language) ?? []), c]);
  return (
    <>
      <h3>{t('taxon.synonyms')}</h3>
      {taxon.synonyms?.length ? (
        <ul>{taxon.synonyms.map((s, i) => <li key={`${s.id}-${i}`}><em className="sci">{s.fullName}</em> {s.authorYear ?? ''} {s.taxonomy ? <small>({s.taxonomy})</small> : null} <SourceNote source={s.source} /></li>)}</ul>
      ) : <p>{t('taxon.noSynonyms')}</p>}
      <h3>{t('taxon.commonNames')}</h3>
      {byLang.size ? [...byLang.entries()].sort().map(([lang, names]) => (
        <div key={lang} lang={lang}>
          <h4>{t(`lang.${lang}`, { defaultValue: lang })}</h4>
          <ul>{names.map((n, i) => <li key={i}>{n.name} <SourceNote source={n.source} /></li>)}</ul>
        </div>
      )) : <p>{t('taxon.noCommonNames')}</p>}
    </>
  );
}

function SourcesView({ taxon, lang }: { taxon: TaxonDetail; lang: string }) {
  const { t } = useTranslation();
  const sources = taxon.sources ?? [];
  return sources.length ? (
    <div className="table-wrap">
      <table>
        <thead><tr><th scope="col">{t('common.source')}</th><th scope="col">{t('about.file')}</th><th scope="col">{t('about.date')}</th></tr></thead>
        <tbody>{sources.map((s, i) => <tr key={i}><td>{s.source}</td><td>{s.file}{s.line ? `:${s.line}` : ''}</td><td>{formatDate(s.date ?? s.importedAt, lang)}</td></tr>)}</tbody>
      </table>
    </div>
  ) : <p>{t('taxon.noSources')}</p>;
}

const TABS = ['status', 'distribution', 'names', 'sources'] as const;
type Tab = (typeof TABS)[number];

function Tabs({ tab, setTab }: { tab: Tab; setTab: (t: Tab) => void }) {
  const { t } = useTranslation();
  return (
    <div role="tablist" aria-label={t('taxon.sections')} className="tabs"
      onKeyDown={(e) => {
        const i = TABS.indexOf(tab);
        const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
        if (next) { setTab(next); document.getElementById(`tab-${next}`)?.focus(); }
      }}>
      {TABS.map((k) => (
        <button key={k} id={`tab-${k}`} type="button" role="tab" aria-selected={tab === k} aria-controls={`panel-${k}`} tabIndex={tab === k ? 0 : -1} onClick={() => setTab(k)}>
          {t(`taxon.tab.${k}`)}
        </button>
      ))}
    </div>
  );
}

function NameLine({ label, name }: { label: string; name?: NameRef | null }) {
  if (!name) return null;
  return <p className="name-line"><span className="tax">{label}</span> {name.id ? <Link to={`/taxa/${name.id}`}><em className="sci">{name.fullName}</em></Link> : <em className="sci">{name.fullName}</em>} {name.authorYear ?? ''}</p>;
}

export default function TaxonPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [tab, setTab] = useState<Tab>('status');
  const taxon = useApi((s) => api.taxon(id, s), [id]);
  useEffect(() => { if (taxon.data) document.title = `${taxon.data.fullName} · Concord`; }, [taxon.data]);
  if (!/^\d+$/.test(id) || (taxon.error instanceof ApiError && (taxon.error.status === 404 || taxon.error.status === 400))) {
    return <NotFound what={t('notFound.taxon', { id })} />;
  }
  if (taxon.error) return <ErrorMessage error={taxon.error} />;
  if (!taxon.data) return <Loading />;
  const tx = taxon.data;
  const link = tx.link ?? tx.links?.[0] ?? null;
  const citesName = tx.taxonomy === 'CITES' ? tx : link?.cites ?? null;
  const cmsName = tx.taxonomy === 'CMS' ? tx : link?.cms ?? null;
  const higher = Array.isArray(tx.higherTaxa) ? tx.higherTaxa : Object.entries(tx.higherTaxa ?? {}).filter(([, v]) => v).map(([rank, name]) => ({ rank, name: name as string, id: null }));
  const history = tx.listingHistory ?? [];
  return (
    <article aria-labelledby="taxon-title">
      <header className="taxon-head">
        <h1 id="taxon-title"><em className="sci">{tx.fullName}</em> <small>{tx.authorYear ?? ''}</small></h1>
        <p className="meta">{tx.taxonomy} · {t(`rank.${tx.rank}`, { defaultValue: tx.rank })}{tx.nameStatus && tx.nameStatus !== 'A' ? ` · ${t(`nameStatus.${tx.nameStatus}`, { defaultValue: tx.nameStatus })}` : ''}</p>
        {tx.accepted && tx.accepted.id !== tx.id ? <p>{t('taxon.acceptedIs')} <Link to={`/taxa/${tx.accepted.id}`}><em>{tx.accepted.fullName}</em></Link></p> : null}
        {higher.length ? (
          <nav aria-label={t('taxon.higherTaxa')} className="crumbs">
            <ol>{higher.map((h) => <li key={h.rank}>{h.id ? <Link to={`/taxa/${h.id}`}>{h.name}</Link> : h.name}</li>)}</ol>
          </nav>
        ) : null}
        <div className="names-both">
          <NameLine label={t('taxon.inCites')} name={citesName as NameRef | null} />
          <NameLine label={t('taxon.inCms')} name={cmsName as NameRef | null} />
        </div>
        {link ? <div className="link-box"><p>{linkSentence(link, t)}</p><Evidence link={link} /></div> : <p className="link-box">{t('link.noneFound', { convention: tx.taxonomy === 'CITES' ? 'CMS' : 'CITES' })}</p>}
      </header>
      <Tabs tab={tab} setTab={setTab} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0} className="panel">
        {tab === 'status' ? (
          <>
            <h2>{t('taxon.statusTitle')}</h2>
            <div className="side-by-side">
              <StatusPanel convention="CITES" status={tx.statuses?.cites} lang={lang} />
              <StatusPanel convention="CMS" status={tx.statuses?.cms} lang={lang} />
            </div>
            <h2>{t('taxon.timeline')}</h2>
            <Timeline changes={history} />
            <History changes={history} lang={lang} />
          </>
        ) : tab === 'distribution' ? (
          <><h2>{t('taxon.tab.distribution')}</h2><DistributionView distributions={tx.distributions ?? []} lang={lang} /></>
        ) : tab === 'names' ? (
          <><h2>{t('taxon.tab.names')}</h2><NamesView taxon={tx} /></>
        ) : (
          <><h2>{t('taxon.tab.sources')}</h2><SourcesView taxon={tx} lang={lang} /></>
        )}
      </div>
    </article>
  );
}
