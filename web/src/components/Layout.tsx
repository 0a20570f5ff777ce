// Page frame: skip link, navigation (with the account), language switch, API error banner,
// footer (links to the API docs, the OpenAPI document and the downloads).
import { useSyncExternalStore } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { apiHealth } from '../api';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { AccountNav, programmeNav } from '../programme/routes';
import { DOWNLOADS } from '../downloads';

const NAV = [
  { path: '/', key: 'nav.search' },
  { path: '/countries', key: 'nav.countries' },
  { path: '/joint-list', key: 'nav.jointList' },
  { path: '/alignment', key: 'nav.alignment' },
  { path: '/match', key: 'nav.match' },
  { path: '/about', key: 'nav.about' },
];

export function ApiBanner() {
  const { t } = useTranslation();
  const down = useSyncExternalStore(apiHealth.subscribe, apiHealth.get);
  if (!down) return null;
  return (
    <div className="banner error" role="alert">
      <strong>{t('error.apiDownTitle')}</strong> {t('error.apiDown')}{' '}
      <button type="button" onClick={() => location.reload()}>{t('error.retry')}</button>
    </div>
  );
}

export default function Layout() {
  const { t, i18n } = useTranslation();
  return (
    <>
      <a className="skip" href="#main">{t('nav.skip')}</a>
      <header className="top">
        <NavLink to="/" className="brand">Concord</NavLink>
        <nav aria-label={t('nav.label')}>
          <ul>
            {[...NAV, ...programmeNav.map((n) => ({ path: n.path, key: n.labelKey }))].map((n) => (
              <li key={n.path}><NavLink to={n.path} end={n.path === '/'}>{t(n.key)}</NavLink></li>
            ))}
            <AccountNav />
          </ul>
        </nav>
        <label className="lang">
          <span className="sr-only">{t('nav.language')}</span>
          <select value={i18n.resolvedLanguage} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('nav.language')}>
            {LANGUAGES.map((l) => <option key={l} value={l} lang={l}>{t(`lang.${l}`)}</option>)}
          </select>
        </label>
      </header>
      <ApiBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer>
        <p>{t('footer.terms')} <Link to="/about">{t('nav.about')}</Link></p>
        <nav aria-label={t('footer.linksLabel')}>
          <ul className="footer-links">
            <li><a href="/docs">{t('footer.apiDocs')}</a></li>
            <li><a href="/openapi.json">{t('footer.openapi')}</a></li>
            <li><Link to="/about#downloads">{t('footer.downloads')}</Link> ({[...new Set(DOWNLOADS.map((d) => d.format))].join(', ')})</li>
          </ul>
        </nav>
      </footer>
    </>
  );
}
