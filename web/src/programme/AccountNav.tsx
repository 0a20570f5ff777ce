// The account in the navigation: "Sign in" for the public; the signed-in user's
// name and a sign-out button otherwise (on every page, not only /sign-in).
import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { signOut, useMe } from './api';

export default function AccountNav() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me?.user) return <li><NavLink to="/sign-in">{t('programme.nav.signIn')}</NavLink></li>;
  return (
    <li className="account">
      <span className="user" title={me.user.email}>{me.user.name}</span>{' '}
      <button type="button" className="link" onClick={() => void signOut()}>{t('programme.signIn.signOut')}</button>
    </li>
  );
}
