// The audit log (admins): every write with who, when, before and after; CSV/JSON export.
import type { Answer } from './api';
import { useTranslation } from 'react-i18next';
import { useJson } from './hooks';


const short = (v: unknown) => { const s = v == null ? '—' : JSON.stringify(v); return s.length > 160 ? `${s.slice(0, 159)}…` : s; };

export default function AuditPage() {
  const { t } = useTranslation();
  const { data, error } = useJson<Answer<'/api/v1/admin/audit'>>('/api/v1/admin/audit?limit=200');
  if (error) return <p role="alert">{error.status === 403 ? t('programme.forbidden') : error.message}</p>;
  if (!data) return <p aria-live="polite">{t('programme.loading')}</p>;
  return (
    <article>
      <h1>{t('programme.audit.title')}</h1>
      <p><a href="/api/v1/admin/audit?format=csv" download="audit.csv">{t('programme.audit.exportCsv')}</a> · <a href="/api/v1/admin/audit?format=json&limit=10000" download="audit.json">{t('programme.audit.exportJson')}</a></p>
      <table>
        <thead><tr><th scope="col">{t('programme.audit.when')}</th><th scope="col">{t('programme.audit.who')}</th><th scope="col">{t('programme.audit.action')}</th><th scope="col">{t('programme.audit.resource')}</th><th scope="col">{t('programme.audit.change')}</th></tr></thead>
        <tbody>{data.events.map((e) => (
          <tr key={e.id}><td><time dateTime={e.at}>{e.at.slice(0, 19).replace('T', ' ')}</time></td><td>{e.actor}</td><td>{e.action}</td><td>{e.resource_type} {e.resource_id}</td><td><code>{short(e.before)}</code> → <code>{short(e.after)}</code></td></tr>
        ))}</tbody>
      </table>
    </article>
  );
}
