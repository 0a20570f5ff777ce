// Review queue of cross-convention links: confirm or reject with a comment.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProblemError, type Answer } from './api';
import { useJson } from './hooks';

type Queue = Answer<'/api/v1/curation/links'>;
type Link = Queue['links'][number];

export default function CurationPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useJson<Queue>('/api/v1/curation/links');
  const [comments, setComments] = useState<Record<number, string>>({});
  const [msg, setMsg] = useState<string | null>(null);
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p aria-live="polite">{t('programme.loading')}</p>;
  async function decide(l: Link, decision: 'confirm' | 'reject') {
    try { await call('POST', `/api/v1/curation/links/${l.id}`, { decision, comment: comments[l.id] ?? '' }); setMsg(null); reload(); } catch (err) { setMsg((err as ProblemError).message); }
  }
  return (
    <article>
      <h1>{t('programme.curation.title')} ({data.total})</h1>
      {msg && <p role="alert">{msg}</p>}
      {data.links.length === 0 ? <p>{t('programme.curation.empty')}</p> : (
        <table>
          <thead><tr><th scope="col">{t('programme.curation.cms')}</th><th scope="col">{t('programme.curation.relation')}</th><th scope="col">{t('programme.curation.cites')}</th><th scope="col">{t('programme.curation.confidence')}</th>{data.can.curate && <th scope="col">{t('programme.curation.comment')}</th>}</tr></thead>
          <tbody>{data.links.map((l) => (
            <tr key={l.id}><th scope="row"><i>{l.cms_name}</i></th><td>{l.relation}</td><td><i>{l.cites_name ?? '—'}</i></td><td>{l.confidence.toFixed(2)}</td>
              {data.can.curate && <td><label><span className="sr-only">{t('programme.curation.comment')}</span><input value={comments[l.id] ?? ''} onChange={(e) => setComments({ ...comments, [l.id]: e.target.value })} /></label>{' '}
                <button type="button" onClick={() => void decide(l, 'confirm')}>{t('programme.curation.confirm')}</button>{' '}
                <button type="button" onClick={() => void decide(l, 'reject')}>{t('programme.curation.reject')}</button></td>}
            </tr>
          ))}</tbody>
        </table>
      )}
    </article>
  );
}
