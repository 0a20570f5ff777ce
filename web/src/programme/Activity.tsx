// Activity page: text, mandates, species groups, progress timeline; edit and
// add-progress forms only for users the API says may use them.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { call, ProblemError, type Answer } from './api';
import { useJson } from './hooks';

type Page = Answer<'/api/v1/programmes/{code}/activities/{activity}'>;
const STATUSES = ['planned', 'ongoing', 'completed', 'discontinued'];

function EditForm({ page, url, onSaved }: { page: Page; url: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(page.activity.text);
  const [status, setStatus] = useState(page.activity.status);
  const [mandates, setMandates] = useState(page.activity.mandates.join('\n'));
  const [lead, setLead] = useState<string[]>(page.activity.lead_secretariats);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const toggleLead = (c: string) => setLead(lead.includes(c) ? lead.filter((x) => x !== c) : [...lead, c].sort());
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await call('PATCH', url, { version: page.activity.version, text, status, mandates: mandates.split('\n').map((m) => m.trim()).filter(Boolean), lead_secretariats: lead });
      setMsg({ ok: true, text: t('programme.activity.saved') });
      onSaved();
    } catch (err) { setMsg({ ok: false, text: (err as ProblemError).message }); }
  }
  return (
    <form onSubmit={submit} aria-labelledby="edit-h">
      <h2 id="edit-h">{t('programme.activity.edit')}</h2>
      <p><label>{t('programme.activity.text')}<br /><textarea name="text" rows={5} cols={80} value={text} onChange={(e) => setText(e.target.value)} required /></label></p>
      <p><label>{t('programme.activity.entryStatus')}{' '}
        <select name="status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>{STATUSES.map((s) => <option key={s} value={s}>{t(`programme.status.${s}`)}</option>)}</select></label></p>
      <p><label>{t('programme.activity.mandatesField')}<br /><textarea name="mandates" rows={3} cols={80} value={mandates} onChange={(e) => setMandates(e.target.value)} /></label></p>
      <fieldset><legend>{t('programme.activity.leadField')}</legend>
        {['CITES', 'CMS'].map((c) => <label key={c}><input type="checkbox" checked={lead.includes(c)} onChange={() => toggleLead(c)} /> {c} </label>)}
      </fieldset>
      <p><button type="submit">{t('programme.activity.save')}</button> <small>{t('programme.activity.version', { version: page.activity.version })}</small></p>
      {msg && <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'ok' : 'error'}>{msg.text}</p>}
    </form>
  );
}

function ProgressForm({ url, onSaved }: { url: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [text, setText] = useState('');
  const [status, setStatus] = useState('ongoing');
  const [links, setLinks] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    // One link a line: 'document: UNEP/CMS/StC52/Doc.14', 'meeting: CITES SC77', 'taxon: Gyps africanus', 'funding: ...'.
    const parsed = links.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const m = /^(taxon|meeting|document|funding)\s*:\s*(.+)$/i.exec(l);
      return m ? { kind: m[1].toLowerCase(), label: m[2] } : { kind: 'document', label: l };
    });
    try {
      await call('POST', `${url}/progress`, { date, text, status, links: parsed });
      setText('');
      setLinks('');
      setMsg({ ok: true, text: t('programme.activity.added') });
      onSaved();
    } catch (err) { setMsg({ ok: false, text: (err as ProblemError).message }); }
  }
  return (
    <form onSubmit={submit} aria-labelledby="add-h">
      <h2 id="add-h">{t('programme.activity.addProgress')}</h2>
      <p><label>{t('programme.activity.date')} <input type="date" name="date" value={date} onChange={(e) => setDate(e.target.value)} required /></label>{' '}
        <label>{t('programme.activity.entryStatus')}{' '}
          <select name="entryStatus" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>{STATUSES.map((s) => <option key={s} value={s}>{t(`programme.status.${s}`)}</option>)}</select></label></p>
      <p><label>{t('programme.activity.entryText')}<br /><textarea name="entryText" rows={4} cols={80} value={text} onChange={(e) => setText(e.target.value)} required /></label></p>
      <p><label>{t('programme.activity.links')}<br /><textarea name="links" rows={2} cols={80} value={links} onChange={(e) => setLinks(e.target.value)} placeholder="document: UNEP/CMS/StC52/Doc.14" /></label></p>
      <p><button type="submit">{t('programme.activity.add')}</button></p>
      {msg && <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'ok' : 'error'}>{msg.text}</p>}
    </form>
  );
}

export default function ActivityPage() {
  const { t } = useTranslation();
  const { code, activity } = useParams();
  const url = `/api/v1/programmes/${code}/activities/${activity}`;
  const { data, error, reload } = useJson<Page>(url);
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p aria-live="polite">{t('programme.loading')}</p>;
  const a = data.activity;
  return (
    <article className="activity">
      <p><Link to={`/programme/${data.programme.code}`}>{t('programme.activity.back')}</Link></p>
      <h1>{t('programme.activity.code', { code: a.code })}{a.heading ? ` — ${a.heading}` : ''}</h1>
      <p className="meta">{data.programme.title} · {data.theme.code}. {data.theme.title}</p>
      <p><span className={`status status-${a.status}`} data-testid="activity-status">{t(`programme.status.${a.status}`)}</span></p>
      <p style={{ whiteSpace: 'pre-line' }}>{a.text}</p>
      <dl>
        <dt>{t('programme.activity.mandates')}</dt><dd>{a.mandates.length ? a.mandates.join('; ') : t('programme.activity.noMandates')}</dd>
        <dt>{t('programme.activity.lead')}</dt><dd>{a.lead_secretariats.join(', ')}</dd>
        {data.species_groups.length > 0 && <><dt>{t('programme.activity.groups')}</dt><dd>{data.species_groups.map((g, i) => <span key={g.slug}>{i > 0 && ', '}<Link to={`/species-groups/${g.slug}`}>{g.name}</Link></span>)}</dd></>}
      </dl>
      <section aria-labelledby="progress-h">
        <h2 id="progress-h">{t('programme.activity.progress')}</h2>
        {data.progress.length === 0 ? <p>{t('programme.activity.noProgress')}</p> : (
          <ol className="timeline" data-testid="progress">
            {data.progress.map((e) => (
              <li key={`${e.id}-${e.shared_from ?? ''}`}>
                <p className="meta"><time dateTime={e.date}>{e.date}</time> · {t(`programme.status.${e.status}`)} · {e.author_name}{e.shared_from ? ` · ${t('programme.activity.sharedFrom', { code: e.shared_from })}` : ''}</p>
                <p>{e.text}</p>
                {e.links.filter((l) => l.kind !== 'activity').length > 0 && <p className="meta">{e.links.filter((l) => l.kind !== 'activity').map((l) => l.label).join('; ')}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      {data.can.add_progress && <ProgressForm url={url} onSaved={reload} />}
      {data.can.update && <EditForm key={a.version} page={data} url={url} onSaved={reload} />}
    </article>
  );
}
