// Helpful not-found page and the router's error page.
import { Link, isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';

export function NotFound({ what }: { what?: string }) {
  const { t } = useTranslation();
  useEffect(() => { document.title = `${t('notFound.title')} · Concord`; }, [t]);
  return (
    <section className="not-found" aria-labelledby="nf-title">
      <h1 id="nf-title">{t('notFound.title')}</h1>
      <p>{what ?? t('notFound.page')}</p>
      <ul>
        <li><Link to="/">{t('notFound.search')}</Link></li>
        <li><Link to="/countries">{t('nav.countries')}</Link></li>
        <li><Link to="/match">{t('nav.match')}</Link></li>
      </ul>
    </section>
  );
}

export function RouteError() {
  const err = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(err) && err.status === 404) return <main id="main"><NotFound /></main>;
  return (
    <main id="main">
      <div className="banner error" role="alert">
        <h1>{t('error.title')}</h1>
        <p>{err instanceof Error ? err.message : t('error.unknown')}</p>
        <p><a href="/">{t('notFound.search')}</a></p>
      </div>
    </main>
  );
}
