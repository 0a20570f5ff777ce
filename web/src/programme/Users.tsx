// User administration (admins): list, create, change role.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProblemError, type Answer } from './api';
import { useJson } from './hooks';

type User = Answer<'/api/v1/admin/users'>[number];
const ROLES = ['admin', 'cites_secretariat', 'cms_secretariat', 'party_focal_point'];

export default function UsersPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useJson<User[]>('/api/v1/admin/users');
  const [form, setForm] = useState({ email: '', name: '', password: '', role: 'cites_secretariat', partyIso2: '', conventions: 'CITES,CMS' });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  if (error) return <p role="alert">{error.status === 403 ? t('programme.forbidden') : error.message}</p>;
  if (!data) return <p aria-live="polite">{t('programme.loading')}</p>;
  async function create(e: FormEvent) {
    e.preventDefault();
    const focal = form.role === 'party_focal_point';
    try {
      await call('POST', '/api/v1/admin/users', { email: form.email, name: form.name, password: form.password, role: form.role, ...(focal ? { party_iso2: form.partyIso2, conventions: form.conventions.split(',') } : {}) });
      setMsg({ ok: true, text: t('programme.users.created') });
      reload();
    } catch (err) { setMsg({ ok: false, text: (err as ProblemError).message }); }
  }
  async function changeRole(u: User, role: string) {
    try { await call('PATCH', `/api/v1/admin/users/${u.id}`, { role }); reload(); } catch (err) { setMsg({ ok: false, text: (err as ProblemError).message }); }
  }
  const field = (k: keyof typeof form) => ({ value: form[k], onChange: (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value }) });
  return (
    <article>
      <h1>{t('programme.users.title')}</h1>
      <table>
        <thead><tr><th scope="col">{t('programme.users.email')}</th><th scope="col">{t('programme.users.name')}</th><th scope="col">{t('programme.users.role')}</th><th scope="col">{t('programme.users.party')}</th></tr></thead>
        <tbody>{data.map((u) => (
          <tr key={u.id}><th scope="row">{u.email}</th><td>{u.name}</td>
            <td><label><span className="sr-only">{t('programme.users.change')} {u.email}</span>
              <select value={u.role} onChange={(e) => void changeRole(u, e.target.value)}>{ROLES.map((r) => <option key={r} value={r}>{t(`programme.roles.${r}`)}</option>)}</select></label></td>
            <td>{u.party_iso2 ?? ''} {u.conventions.join('+')}</td></tr>
        ))}</tbody>
      </table>
      <form onSubmit={create} aria-labelledby="create-h">
        <h2 id="create-h">{t('programme.users.create')}</h2>
        <p><label>{t('programme.users.email')} <input type="email" required {...field('email')} /></label></p>
        <p><label>{t('programme.users.name')} <input required {...field('name')} /></label></p>
        <p><label>{t('programme.users.password')} <input type="password" autoComplete="new-password" minLength={10} required {...field('password')} /></label></p>
        <p><label>{t('programme.users.role')} <select {...field('role')}>{ROLES.map((r) => <option key={r} value={r}>{t(`programme.roles.${r}`)}</option>)}</select></label></p>
        {form.role === 'party_focal_point' && <p><label>{t('programme.users.party')} <input maxLength={2} {...field('partyIso2')} /></label> <input aria-label="CITES,CMS" {...field('conventions')} /></p>}
        <p><button type="submit">{t('programme.users.create')}</button></p>
        {msg && <p role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      </form>
    </article>
  );
}
