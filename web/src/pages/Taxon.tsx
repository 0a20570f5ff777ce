// Taxon page: accepted names in both taxonomies and the link between them with
// its evidence; CITES and CMS status side by side; listing timeline;
// distribution map (lazy) with a table; names; sources and dates of each fact.
import { Fragment, lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type ConceptLink, type ConventionStatus, type Distribution, type ImportRun, type ListingChange, type Provenance, type StatusReason, type TaxonDetail } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading, StatusBadge } from '../components/Status';
import { Instruments, reasonText } from '../components/Joined';
import RecordChange from '../components/RecordChange';
import { NotFound } from '../components/NotFound';
import Timeline from '../components/Timeline';
import { formatDate } from '../i18n';
import { TAG_COLORS, tagOf } from '../components/mapTags';
import { countryLabel, countryList, useCountryNames } from '../countries';

const WorldMap = lazy(() => import('../components/WorldMap'));

/** Where a fact came from: the import run (source, date) and the file and line. */
function SourceNote({ p, runs }: { p?: Provenance | null; runs: Map<number, ImportRun> }) {
  const { t, i18n } = useTranslation();
  if (!p || (!p.source_file && p.import_run_id == null)) return null;
  const run = p.import_run_id != null ? runs.get(p.import_run_id) : undefined;
  const file = p.source_file ?? run?.file;
  const date = run?.finished_at ?? run?.started_at;
  return (
    <small className="source">
      {t('common.source')}: {run?.source ? `${run.source} · ` : ''}{file ? file.split('/').pop() : ''}{p.source_line ? `:${p.source_line}` : ''}{date ? ` · ${t('common.imported', { date: formatDate(date, i18n.language) })}` : ''}
    </small>
  );
}

function linkSentence(link: ConceptLink, self: TaxonDetail, t: (k: string, o?: Record<string, unknown>) => string): string {
  const cms = self.taxonomy === 'CMS' ? self.full_name : link.other.full_name;
  const cites = self.taxonomy === 'CITES' ? self.full_name : link.other.full_name;
  const key = cms === cites ? (link.relation === 'equal' ? 'link.same' : 'link.split_lump') : ['synonym', 'variant', 'fuzzy', 'rank', 'split_lump'].includes(link.basis) ? `link.${link.basis}` : 'link.other';
  return t(key, { cms, cites, relation: t(`relation.${link.relation}`, { defaultValue: link.relation }), basis: t(`basis.${link.basis}`, { defaultValue: link.basis }) });
}

/** The evidence of a link, as sentences in the page's language (never raw JSON or codes). */
function Evidence({ link }: { link: ConceptLink }) {
  const { t, i18n } = useTranslation();
  const ev = (link.evidence ?? {}) as { matched?: { cms: string; cites: string; via: string; kind: string }; difference?: string; distance?: number; group?: { cms: string[]; cites: string[] }; sameName?: number[]; candidates?: { name: string; distance: number }[]; notes?: string[] };
  const lines: string[] = [];
  if (ev.matched) {
    lines.push(t(`evidenceText.${ev.matched.via}`, { cms: ev.matched.cms, cites: ev.matched.cites, defaultValue: '' }));
    lines.push(t(`evidenceText.kind.${ev.matched.kind}`, { distance: ev.distance ?? 1, defaultValue: '' }));
  }
  if (ev.difference) lines.push(t(`evidenceText.difference.${ev.difference}`, { defaultValue: '' }));
  if (ev.group) lines.push(t('evidenceText.group', { cms: ev.group.cms.join(', '), cites: ev.group.cites.join(', ') }));
  if (ev.sameName?.length) lines.push(t('evidenceText.sameName', { count: ev.sameName.length }));
  if (ev.candidates?.length) lines.push(t('evidenceText.candidates', { list: ev.candidates.map((c) => c.name).join(', ') }));
  return (
    <details className="evidence">
      <summary>{t('link.evidence')}</summary>
      <ul>
        {lines.filter(Boolean).map((l, i) => <li key={i}>{l}</li>)}
        {(ev.notes ?? []).map((n, i) => <li key={`n${i}`} lang="en">{n}</li>)}
        <li>{t('link.relation')}: {t(`relation.${link.relation}`, { defaultValue: link.relation })}; {t('link.basis')}: {t(`basis.${link.basis}`, { defaultValue: link.basis })}; {t('link.origin')}: {t(`origin.${link.origin}`, { defaultValue: link.origin })}; {t('link.confidence')}: {new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(link.confidence)}{link.review ? `; ${t('link.needsReview')}` : ''}</li>
        {link.comment ? <li>{t('link.comment')}: {link.comment}</li> : null}
      </ul>
    </details>
  );
}

function StatusPanel({ convention, status, lang, current, instruments, asOf }: { convention: 'CITES' | 'CMS'; status?: ConventionStatus | null; lang: string; current: ListingChange[]; instruments?: TaxonDetail['cms_instruments']; asOf: string | null }) {
  const { t } = useTranslation();
  const country = useCountryNames();
  // The annotations of the listings the status stands on (the reasons name their listing changes).
  const inForce = new Set((status?.reasons ?? []).map((r) => r.change_id).filter((id) => id !== undefined && id !== null).map(String));
  const annotated = current.filter((c) => c.convention === convention && inForce.has(String(c.id)) && (annotationOf(c, lang) || c.annotation.hash_symbol));
  const via = status?.concept && status.concept.relation !== 'self' ? status.concept : null;
  const reasons = (status?.reasons ?? []).filter((r) => r.kind !== 'annotation');
  return (
    <section className="status-panel" aria-labelledby={`st-${convention}`}>
      <h3 id={`st-${convention}`}>{convention} <StatusBadge convention={convention} status={status ?? null} /></h3>
      {!status?.concept ? <p>{t('link.noneFound', { convention })}</p> : !status.listed ? <p>{t('status.notListed')}</p> : null}
      {reasons.length ? (
        <ul className="reasons">
          {reasons.map((r, i) => (
            <li key={i}>
              {r.kind === 'via' && via ? <Link to={`/taxa/${via.id}`}>{reasonText(r, t, lang, convention, country)}</Link> : reasonText(r, t, lang, convention, country)}
            </li>
          ))}
        </ul>
      ) : null}
      {annotated.length ? (
        <ul className="annotations" aria-label={t('status.annotations')}>
          {annotated.map((c) => (
            <li key={c.id}>
              <strong>{c.annotation.hash_symbol ? t('why2.annotationHash', { symbol: c.annotation.hash_symbol, appendix: c.appendix }) : t('why2.annotation', { appendix: c.appendix })}</strong>{c.party ? ` (${country(c.party)})` : ''}: <SourceText c={c} lang={lang} />
              {c.annotation.hash_symbol ? <div className="annotation">{c.annotation.hash_symbol} {c.annotation.hash_text ?? ''}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {convention === 'CMS' && instruments ? <Instruments list={instruments} /> : null}
      <p className="as-of">{asOf ? t('coverage.asOf', { convention, date: formatDate(asOf, lang) }) : t('coverage.unknown', { convention })} <Link to="/about">{t('coverage.more')}</Link></p>
      {status ? <small className="source">{t(`status.basis.${status.basis}`, { defaultValue: status.basis })}</small> : null}
    </section>
  );
}

/** Long annotations fold so the two status panels stay comparable. */
function LongText({ text }: { text: string }) {
  if (text.length <= 280) return <Rich text={text} />;
  return <details className="long"><summary>{`${plain(text).slice(0, 200).trimEnd()}…`}</summary><Rich text={text} /></details>;
}

const plain = (text: string) => text.replace(/<[^>]*>/g, '');

/** Source annotations carry <i>…</i> around names: italics, every other tag dropped (never HTML). */
function Rich({ text }: { text: string }) {
  const parts = text.split(/<\/?i>/i);
  return <>{parts.map((p, i) => (i % 2 ? <em key={i}>{plain(p)}</em> : <Fragment key={i}>{plain(p)}</Fragment>))}</>;
}

/** The annotation as the source words it: in the reader's language when the source has it, else English, marked so. */
function SourceText({ c, lang }: { c: ListingChange; lang: string }) {
  const own = lang === 'fr' ? c.annotation.fr : lang === 'es' ? c.annotation.es : c.annotation.en;
  const text = own ?? c.annotation.en;
  if (!text) return null;
  return <span className="source-text" lang={own ? lang : 'en'}><LongText text={text} /></span>;
}

function annotationOf(c: ListingChange, lang: string): string | null {
  return (lang === 'fr' ? c.annotation.fr : lang === 'es' ? c.annotation.es : null) ?? c.annotation.en;
}

function History({ changes, lang, runs }: { changes: ListingChange[]; lang: string; runs: Map<number, ImportRun> }) {
  const { t } = useTranslation();
  const country = useCountryNames();
  if (changes.length === 0) return null;
  const sorted = [...changes].sort((a, b) => (b.effective_at ?? '').localeCompare(a.effective_at ?? ''));
  return (
    <details className="history">
      <summary>{t('taxon.historyTable', { count: changes.length })}</summary>
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{t('taxon.date')}</th><th scope="col">{t('taxon.convention')}</th><th scope="col">{t('taxon.appendix')}</th><th scope="col">{t('taxon.change')}</th><th scope="col">{t('taxon.notes')}</th><th scope="col">{t('common.source')}</th></tr></thead>
          <tbody>
            {sorted.map((c) => (
              <tr key={c.id}>
                <td>{formatDate(c.effective_at, lang)}</td><td>{c.convention}</td><td>{c.appendix}</td>
                <td>{t(`change.${c.change_type}`, { defaultValue: c.change_type })}{c.party ? ` (${country(c.party)})` : ''}{c.is_current ? ` · ${t('taxon.current')}` : ''}</td>
                <td>{annotationOf(c, lang) ? <><SourceText c={c} lang={lang} /> · </> : null}{[c.event, c.annotation.hash_symbol ? `${c.annotation.hash_symbol}${c.annotation.hash_text ? ` ${c.annotation.hash_text}` : ''}` : null,
                  c.populations_included.length ? t('status.populationsOnly', { list: countryList(c.populations_included, country, lang) }) : null,
                  c.populations_excluded.length ? t('status.populationsExcept', { list: countryList(c.populations_excluded, country, lang) }) : null].filter(Boolean).join(' · ')}</td>
                <td><SourceNote p={c.provenance} runs={runs} />{c.other_sources?.length ? <small className="source"> · {t('joined.otherSources', { count: c.other_sources.length })}: {c.other_sources.map((o) => (o.source_file ?? '').split('/').pop()).join(', ')}</small> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function DistributionView({ taxon, lang, runs }: { taxon: TaxonDetail; lang: string; runs: Map<number, ImportRun> }) {
  const { t } = useTranslation();
  const countries = useApi((s) => api.countries(s).catch(() => []), []);
  const distributions = taxon.distributions;
  if (distributions.length === 0) return <p>{t('taxon.noDistribution')}</p>;
  const byIso2 = new Map((countries.data ?? []).map((c) => [c.iso2, c]));
  const nameOf = (d: Distribution) => { const c = byIso2.get(d.iso2); return c ? countryLabel(c, lang) : d.name; };
  const regions = distributions.map((d) => ({ iso3: byIso2.get(d.iso2)?.iso3, m49: byIso2.get(d.iso2)?.m49, name: nameOf(d), tag: tagOf(d.tags) }));
  // Range States are current countries and territories; former countries and other places (regions, the sea) are listed apart.
  const isState = (d: Distribution) => d.is_current !== false && d.type !== 'REGION';
  const sorted = distributions.filter(isState).sort((a, b) => nameOf(a).localeCompare(nameOf(b), lang));
  const others = distributions.filter((d) => !isState(d)).sort((a, b) => nameOf(a).localeCompare(nameOf(b), lang));
  return (
    <>
      {countries.data ? <Suspense fallback={<p role="status">{t('map.loading')}</p>}><WorldMap regions={regions} /></Suspense> : <p role="status">{t('map.loading')}</p>}
      <div className="table-wrap">
        <table>
          <caption>{t('taxon.rangeStates', { count: sorted.length })}</caption>
          <thead><tr><th scope="col">{t('taxon.country')}</th><th scope="col">{t('taxon.tag')}</th><th scope="col">{t('joined.distributionRefs')}</th><th scope="col">{t('common.source')}</th></tr></thead>
          <tbody>
            {sorted.map((d) => (
              <tr key={d.iso2}>
                <td><Link to={`/countries/${d.iso2}`}>{nameOf(d)}</Link></td>
                <td><span className="swatch" style={{ background: TAG_COLORS[tagOf(d.tags)] ?? TAG_COLORS.NATIVE }} aria-hidden="true" /> {d.tags.length ? d.tags.map((tag) => t(`tag.${tag}`, { defaultValue: tag })).join(', ') : t('tag.NATIVE')}</td>
                <td>{d.references?.length ? <ul className="refs">{d.references.map((r, i) => <li key={i}><Rich text={r} /></li>)}</ul> : null}</td>
                <td><SourceNote p={d.provenance} runs={runs} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others.length ? <p className="other-places"><strong>{t('joined.otherPlaces')}</strong> {others.map((d) => `${nameOf(d)}${d.tags.length ? ` (${d.tags.map((tag) => t(`tag.${tag}`, { defaultValue: tag })).join(', ')})` : ''}`).join('; ')}</p> : null}
    </>
  );
}

function NamesView({ taxon, runs }: { taxon: TaxonDetail; runs: Map<number, ImportRun> }) {
  const { t } = useTranslation();
  const byLang = Object.entries(taxon.names.common_names).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      {taxon.names.accepted_names.length ? (
        <>
          <h3>{t('taxon.acceptedNames')}</h3>
          <ul>{taxon.names.accepted_names.map((a) => <li key={a.id}><Link to={`/taxa/${a.id}`}><em className="sci">{a.full_name}</em></Link> {a.author_year ?? ''}</li>)}</ul>
        </>
      ) : null}
      <h3>{t('taxon.synonyms')}</h3>
      {taxon.names.synonyms.length ? (
        <ul>{taxon.names.synonyms.map((s) => <li key={s.id}><em className="sci">{s.full_name}</em> {s.author_year ?? ''} <SourceNote p={s.provenance} runs={runs} /></li>)}</ul>
      ) : <p>{t('taxon.noSynonyms')}</p>}
      <h3>{t('taxon.commonNames')}</h3>
      {byLang.length ? byLang.map(([lang, names]) => (
        <div key={lang}>
          <h4>{t(`lang.${lang}`, { defaultValue: lang })}</h4>
          <ul lang={lang}>{names.map((n, i) => <li key={i}>{n.name} <SourceNote p={n.provenance} runs={runs} /></li>)}</ul>
        </div>
      )) : <p>{t('taxon.noCommonNames')}</p>}
    </>
  );
}

function SourcesView({ taxon, lang, runs }: { taxon: TaxonDetail; lang: string; runs: Map<number, ImportRun> }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('taxon.conceptSource')} <SourceNote p={taxon.provenance} runs={runs} /></p>
      <p>{t('taxon.updatedAt', { date: formatDate(taxon.updated_at, lang) })}{taxon.speciesplus_id ? ` · Species+ ${taxon.speciesplus_id}` : ''}{taxon.legacy_id ? ` · ${taxon.legacy_id}` : ''}</p>
      <h3>{t('taxon.importRuns')}</h3>
      {taxon.import_runs.length ? (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('common.source')}</th><th scope="col">{t('about.file')}</th><th scope="col">{t('about.date')}</th></tr></thead>
            <tbody>{taxon.import_runs.map((r) => <tr key={r.id}><td>{r.source}</td><td>{r.file.split('/').pop()}</td><td>{formatDate(r.finished_at ?? r.started_at, lang)}</td></tr>)}</tbody>
          </table>
        </div>
      ) : <p>{t('taxon.noSources')}</p>}
      {taxon.references.length ? (
        <>
          <h3>{t('taxon.references')}</h3>
          <ul>{taxon.references.map((r, i) => <li key={i}>{r.citation}{r.is_standard ? ` (${t('taxon.standardReference')})` : ''} <SourceNote p={r.provenance} runs={runs} /></li>)}</ul>
        </>
      ) : null}
      {taxon.conservation.length ? (
        <>
          <h3>{t('taxon.conservation')}</h3>
          <ul>{taxon.conservation.map((c, i) => <li key={i}>{c.source}: {c.category}{c.criteria ? ` ${c.criteria}` : ''}{c.year_published ? ` (${c.year_published})` : ''} — <em>{c.assessed_name}</em> <SourceNote p={c.provenance} runs={runs} /></li>)}</ul>
        </>
      ) : null}
    </>
  );
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

function NameLine({ label, id, name, author }: { label: string; id?: number; name?: string; author?: string | null }) {
  if (!name) return null;
  return <p className="name-line"><span className="tax">{label}</span> {id ? <Link to={`/taxa/${id}`}><em className="sci">{name}</em></Link> : <em className="sci">{name}</em>} {author ?? ''}</p>;
}

export default function TaxonPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [tab, setTab] = useState<Tab>('status');
  const taxonId = /^\d{1,10}$/.test(id) ? id : null;
  const valid = /^\d{1,10}$/.test(id);
  const taxon = useApi((s) => (valid ? api.taxon(id, s) : Promise.reject(new ApiError(404, null, 'bad id'))), [id]);
  const tx0 = taxon.data && String(taxon.data.id) === taxonId ? taxon.data : null;
  const other = tx0?.taxonomy === 'CMS' ? 'CITES' : 'CMS';
  // The other convention's status comes with the taxon (joined); its history is the counterpart's own.
  const otherRef = tx0 ? tx0.status[other].concept : null;
  const counterpartId = otherRef && otherRef.relation !== 'self' ? otherRef.id : null;
  const counterpart = useApi((s) => (counterpartId ? api.taxon(counterpartId, s) : Promise.resolve(null)), [counterpartId]);
  useEffect(() => { if (taxon.data) document.title = `${taxon.data.full_name} · Concord`; }, [taxon.data]);
  useEffect(() => setTab('status'), [id]);
  if (taxon.error instanceof ApiError && (taxon.error.status === 404 || taxon.error.status === 400)) {
    return <NotFound what={taxon.error.problem?.detail && /removed/.test(taxon.error.problem.detail) ? taxon.error.problem.detail : t('notFound.taxon', { id })} />;
  }
  if (taxon.error) return <ErrorMessage error={taxon.error} />;
  if (!taxon.data || String(taxon.data.id) !== id) return <Loading />;
  const tx = taxon.data;
  const runs = new Map([...tx.import_runs, ...(counterpart.data?.import_runs ?? [])].map((r) => [r.id, r]));
  const cp = counterpart.data && counterpart.data.id === counterpartId ? counterpart.data : null;
  const history = [...tx.listing_history.filter((c) => c.convention === tx.taxonomy), ...(cp ? cp.listing_history.filter((c) => c.convention === other) : [])];
  const periods = [...tx.listing_periods.filter((p) => p.convention === tx.taxonomy), ...(cp ? cp.listing_periods.filter((p) => p.convention === other) : [])];
  const primary = tx.links.find((l) => l.other.id === counterpartId) ?? tx.links[0] ?? null;
  const related = tx.links.filter((l) => l !== primary);
  const nameIn = (c: 'CITES' | 'CMS') => (c === tx.taxonomy ? { name: tx.full_name, author: tx.author_year, id: undefined as number | undefined } : tx.status[c].concept ? { name: tx.status[c].concept!.full_name, author: null, id: tx.status[c].concept!.id } : null);
  return (
    <article aria-labelledby="taxon-title">
      <header className="taxon-head">
        <h1 id="taxon-title"><em className="sci">{tx.full_name}</em> <small>{tx.author_year ?? ''}</small></h1>
        <p className="meta">{tx.taxonomy} · {t(`rank.${tx.rank}`, { defaultValue: tx.rank })}{tx.name_status !== 'A' ? ` · ${t(`nameStatus.${tx.name_status}`, { defaultValue: tx.name_status })}` : ''}</p>
        {tx.ancestors.length ? (
          <nav aria-label={t('taxon.higherTaxa')} className="crumbs">
            <ol>{tx.ancestors.map((h) => <li key={h.id}><Link to={`/taxa/${h.id}`}>{h.full_name}</Link></li>)}</ol>
          </nav>
        ) : null}
        <div className="names-both">
          <NameLine label={t('taxon.inCites')} id={nameIn('CITES')?.id} name={nameIn('CITES')?.name} author={nameIn('CITES')?.author} />
          <NameLine label={t('taxon.inCms')} id={nameIn('CMS')?.id} name={nameIn('CMS')?.name} author={nameIn('CMS')?.author} />
        </div>
        {primary ? (
          <div className="link-box"><p>{linkSentence(primary, tx, t)}</p><Evidence link={primary} /></div>
        ) : tx.status[other].concept ? <p className="link-box">{t('joined.higherTaxon', { convention: other, name: tx.status[other].concept!.full_name })}</p>
          : <p className="link-box">{t('link.noneFound', { convention: other })}</p>}
        {related.length ? <p>{t('joined.alsoRelated')} {related.map((l, i) => <Fragment key={l.id}>{i ? ', ' : ''}<Link to={`/taxa/${l.other.id}`}><em>{l.other.full_name}</em></Link> ({t(`relation.${l.relation}`, { defaultValue: l.relation })})</Fragment>)}</p> : null}
      </header>
      <Tabs tab={tab} setTab={setTab} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0} className="panel">
        {tab === 'status' ? (
          <>
            <h2>{t('taxon.statusTitle')}</h2>
            <div className="side-by-side">
              <StatusPanel convention="CITES" status={tx.status.CITES} lang={lang} current={history} asOf={tx.cites_as_of} />
              <StatusPanel convention="CMS" status={tx.status.CMS} lang={lang} current={history} instruments={tx.cms_instruments} asOf={tx.cms_as_of} />
            </div>
            <RecordChange taxon={tx} onDone={() => taxon.reload?.()} />
            <h2>{t('taxon.timeline')}</h2>
            <Timeline changes={history} periods={periods} />
            <History changes={history} lang={lang} runs={runs} />
          </>
        ) : tab === 'distribution' ? (
          <><h2>{t('taxon.tab.distribution')}</h2><DistributionView taxon={tx} lang={lang} runs={runs} /></>
        ) : tab === 'names' ? (
          <><h2>{t('taxon.tab.names')}</h2><NamesView taxon={tx} runs={runs} /></>
        ) : (
          <><h2>{t('taxon.tab.sources')}</h2><SourcesView taxon={tx} lang={lang} runs={runs} /></>
        )}
      </div>
    </article>
  );
}
