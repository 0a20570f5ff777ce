// Name matching: paste scientific or common names or upload a CSV, matched in
// chunks with a progress bar; results with match type, matched and accepted
// names, both statuses (the listings come with the match results) and why, in
// the page's language; CSV download.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, ApiError, asStatus, type MatchReason, type MatchResult, type StatusSummary } from '../api';
import { downloadText, parseCsv, toCsv } from '../csv';
import { StatusBadges } from '../components/Status';
import { formatNumber } from '../i18n';

export const MAX_NAMES = 10_000;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const CHUNK = 250;
const NAME_COLUMNS = ['name', 'scientificname', 'scientific_name', 'species', 'taxon', 'nom', 'nombre'];

/** Names from an uploaded CSV: the 'name'-like column, else the first one. */
export function namesFromCsv(text: string): string[] {
  const rows = parseCsv(text);
  if (rows.length === 0) return [];
  const header = rows[0].map((h) => h.trim().toLowerCase().replace(/\s+/g, ''));
  const col = header.findIndex((h) => NAME_COLUMNS.includes(h));
  const body = col >= 0 ? rows.slice(1) : rows;
  return body.map((r) => (r[Math.max(col, 0)] ?? '').trim()).filter(Boolean);
}

const listing = (s: StatusSummary | null | undefined) => s?.listing ?? '';

/** Both statuses of a match: CITES from the CITES candidate, CMS from the CMS one (primary or alternative). */
function bothStatuses(r: MatchResult): { cites: StatusSummary | null; cms: StatusSummary | null } | undefined {
  const candidates = [r, ...r.alternatives].filter((c) => c.accepted_id !== null);
  if (candidates.length === 0) return undefined;
  const pick = (conv: 'CITES' | 'CMS') => candidates.find((x) => x.taxonomy === conv) ?? candidates[0];
  return { cites: asStatus(pick('CITES').cites_listing), cms: asStatus(pick('CMS').cms_listing) };
}

/** A reason in the page's language: English as the API says it, other languages from why.<code>. */
export function reasonText(t: TFunction, language: string, r: MatchReason): string {
  if (language.startsWith('en')) return r.text;
  const params = { ...r.params };
  // "CITES or CMS": the conjunction in the page's language
  if (typeof params.where === 'string') params.where = params.where.split(' or ').join(` ${t('match.or')} `);
  return t(`why.${r.code}`, { ...params, defaultValue: r.text, interpolation: { escapeValue: false } });
}

export default function MatchPage() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [results, setResults] = useState<MatchResult[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ctrl = useRef<AbortController | null>(null);
  useEffect(() => { document.title = `${t('match.title')} · Concord`; }, [t]);
  useEffect(() => () => ctrl.current?.abort(), []);

  const names = text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    setFileError(null);
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_FILE_BYTES) { setFileError(t('match.fileTooLarge', { name: file.name, max: '2 MB' })); return; }
    const okType = /\.(csv|txt)$/i.test(file.name) || /^text\/(csv|plain)/.test(file.type);
    const content = await file.text();
    if (!okType || content.includes('\u0000')) { setFileError(t('match.notCsv', { name: file.name })); return; }
    const found = namesFromCsv(content);
    if (found.length === 0) { setFileError(t('match.noNames', { name: file.name })); return; }
    setText(found.join('\n'));
  };

  const run = async () => {
    setError(null);
    if (names.length === 0) { setError(t('match.empty')); return; }
    if (names.length > MAX_NAMES) { setError(t('match.tooMany', { n: formatNumber(names.length, i18n.language), max: formatNumber(MAX_NAMES, i18n.language) })); return; }
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    const out: MatchResult[] = [];
    setResults([]);
    setProgress({ done: 0, total: names.length });
    try {
      for (let i = 0; i < names.length; i += CHUNK) {
        const chunk = await api.matchNames(names.slice(i, i + CHUNK), c.signal);
        out.push(...chunk);
        setProgress({ done: Math.min(i + CHUNK, names.length), total: names.length });
        setResults([...out]);
      }
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError(err instanceof ApiError && err.status === 0 ? t('error.apiDown') : (err as Error).message);
    } finally {
      setProgress(null);
    }
  };

  const download = () => results && downloadText('concord-name-matches.csv', toCsv(
    ['input', 'match_type', 'score', 'matched_name', 'matched_status', 'taxonomy', 'accepted_name', 'accepted_id', 'cites', 'cms', 'alternatives', 'warnings',
      'why', 'why_codes', 'authorship', 'matched_authorship', 'authorship_match', 'vernacular_name', 'vernacular_languages', 'ambiguous'],
    results.map((r) => {
      const st = bothStatuses(r);
      return [r.verbatim, r.match_type, r.score, r.matched_name, r.matched_status, r.taxonomy, r.accepted_name, r.accepted_id,
        listing(st?.cites), listing(st?.cms), r.alternatives.map((a) => `${a.accepted_name ?? a.matched_name} (${a.taxonomy})`).join('; '), r.warnings.join('; '),
        r.reasons.map((x) => reasonText(t, i18n.language, x)).join('; '), r.reasons.map((x) => x.code).join(';'),
        r.authorship, r.matched_authorship, r.authorship_match, r.vernacular?.name, r.vernacular?.languages.join(';'), r.ambiguous];
    }),
  ));

  return (
    <section aria-labelledby="match-title">
      <h1 id="match-title">{t('match.title')}</h1>
      <p className="lead">{t('match.intro', { max: formatNumber(MAX_NAMES, i18n.language) })}</p>
      <div className="match-input">
        <label htmlFor="names">{t('match.paste')}</label>
        <textarea id="names" rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        <label htmlFor="upload">{t('match.upload')}</label>
        <input id="upload" type="file" accept=".csv,.txt,text/csv,text/plain" onChange={onFile} aria-describedby="upload-help" />
        <small id="upload-help">{t('match.uploadHelp')}</small>
        {fileError ? <p className="banner error" role="alert">{fileError}</p> : fileName ? <p role="status">{t('match.loaded', { name: fileName, n: formatNumber(names.length, i18n.language) })}</p> : null}
        <p>{t('match.nameCount', { count: names.length, n: formatNumber(names.length, i18n.language) })}</p>
        <button type="button" onClick={run} disabled={progress !== null}>{t('match.run')}</button>
      </div>
      {progress ? (
        <div role="status" aria-live="polite">
          <label htmlFor="match-progress">{t('match.progress', { done: formatNumber(progress.done, i18n.language), total: formatNumber(progress.total, i18n.language) })}</label>
          <progress id="match-progress" max={progress.total} value={progress.done} />
        </div>
      ) : null}
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      {results && results.length ? (
        <>
          <h2>{t('match.results', { n: formatNumber(results.length, i18n.language) })}</h2>
          <button type="button" className="download" onClick={download}>{t('common.downloadCsv')}</button>
          <div className="table-wrap">
            <table className="match-results">
              <thead><tr>
                <th scope="col">{t('match.input')}</th><th scope="col">{t('match.matchType')}</th><th scope="col">{t('match.matchedName')}</th>
                <th scope="col">{t('match.acceptedName')}</th><th scope="col">{t('match.status')}</th><th scope="col">{t('match.why')}</th>
              </tr></thead>
              <tbody>
                {results.map((r, i) => {
                  const st = bothStatuses(r);
                  return (
                    <tr key={i} className={`mt-${r.match_type.toLowerCase()}`}>
                      <td>{r.verbatim}</td>
                      <td>{t(`matchType.${r.match_type}`, { defaultValue: r.match_type })}</td>
                      <td>
                        {r.vernacular ? <>{r.vernacular.name} <small>{t('match.commonName', { languages: r.vernacular.languages.join(', ') })}</small><br /></> : null}
                        <em>{r.matched_name ?? ''}</em>{r.matched_status ? ` (${t(`matchStatus.${r.matched_status}`, { defaultValue: r.matched_status })})` : ''}
                        {r.matched_authorship ? <> <small className="authors">{r.matched_authorship}</small></> : null}
                      </td>
                      <td>
                        {r.accepted_id ? <><Link to={`/taxa/${r.accepted_id}`}><em>{r.accepted_name}</em></Link> <small>{r.taxonomy}</small></> : null}
                        {r.alternatives.length ? (
                          <ul className="alternatives">{r.alternatives.map((a, j) => (
                            <li key={j}>{a.accepted_id ? <Link to={`/taxa/${a.accepted_id}`}><em>{a.accepted_name}</em></Link> : <em>{a.matched_name}</em>} <small>{a.taxonomy}</small></li>
                          ))}</ul>
                        ) : null}
                      </td>
                      <td>{st ? <StatusBadges cites={st.cites} cms={st.cms} /> : null}</td>
                      <td className={`why authors-${r.authorship_match}`}>
                        <ul className="why">{r.reasons.map((x, j) => <li key={j} data-code={x.code}>{reasonText(t, i18n.language, x)}</li>)}</ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
