// Sign-in form (and sign-out when signed in).
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { signIn, signOut, useMe, type ProblemError } from './api';

export default function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await signIn(email, password);
      navigate('/programme');
    } catch (err) { setError((err as ProblemError).message); }
  }
  if (me?.user) {
    return (
      <article>
        <h1>{t('programme.signIn.title')}</h1>
        <p>{t('programme.signIn.signedInAs', { name: me.user.name, role: t(`programme.roles.${me.user.role}`) })}</p>
        <button type="button" onClick={() => void signOut()}>{t('programme.signIn.signOut')}</button>
      </article>
    );
  }
  return (
    <article>
      <h1>{t('programme.signIn.title')}</h1>
      <form onSubmit={submit}>
        <p><label>{t('programme.signIn.email')}<br /><input type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required /></label></p>
        <p><label>{t('programme.signIn.password')}<br /><input type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label></p>
        <p><button type="submit">{t('programme.signIn.submit')}</button></p>
        {error && <p role="alert" className="error">{error}</p>}
      </form>
    </article>
  );
}
