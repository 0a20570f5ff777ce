// CMS Parties and their entry-into-force dates: no source file exists, so the
// CMS Secretariat keeps them here (or imports a CSV: concord import cms-parties).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProblemError, type Answer } from './api';
import { useJson } from './hooks';

type Parties = Answer<'/api/v1/cms-parties'>;

export default function CmsPartiesPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useJson<Parties>('/api/v1/cms-parties');
  const [iso2, setIso2] = useState('');
  const [date, setDate] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p aria-live="polite">{t('programme.loading')}</p>;
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await call('PUT', `/api/v1/cms-parties/${iso2.trim()}`, { entry_into_force: date || null });
      setMsg({ ok: true, text: t('programme.activity.saved') });
      reload();
    } catch (err) { setMsg({ ok: false, text: (err as ProblemError).message }); }
  }
  return (
    <article>
      <h1>{t('programme.parties.title')}</h1>
      <p>{t('programme.parties.intro')}</p>
      {data.can.update && (
        <form onSubmit={save}>
          <label>{t('programme.parties.iso2')} <input value={iso2} onChange={(e) => setIso2(e.target.value)} maxLength={2} size={3} required /></label>{' '}
          <label>{t('programme.parties.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>{' '}
          <button type="submit">{t('programme.activity.save')}</button>
          {msg && <p role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
        </form>
      )}
      <table>
        <thead><tr><th scope="col">{t('programme.parties.party')}</th><th scope="col">{t('programme.parties.date')}</th><th scope="col">{t('programme.parties.source')}</th></tr></thead>
        <tbody>{data.parties.map((p) => <tr key={p.iso2}><th scope="row">{p.name} ({p.iso2})</th><td>{p.entry_into_force ?? ''}</td><td>{p.source}</td></tr>)}</tbody>
      </table>
    </article>
  );
}
