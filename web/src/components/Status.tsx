// Status badges (CITES and CMS side by side), loading and error messages.
import { useTranslation } from 'react-i18next';
import type { StatusSummary } from '../api';
import { ApiError } from '../api';

export function StatusBadge({ convention, status }: { convention: 'CITES' | 'CMS'; status: StatusSummary | null | undefined }) {
  const { t } = useTranslation();
  const listing = status?.listing ?? (status?.appendices?.length ? status.appendices.join('/') : null);
  const cls = `badge ${convention.toLowerCase()}${listing ? '' : ' none'}`;
  const label = listing ? t('status.listedIn', { convention, appendix: listing }) : t('status.notListedIn', { convention });
  return <span className={cls} title={label}><span aria-hidden="true">{convention} {listing ?? '–'}</span><span className="sr-only">{label}</span></span>;
}

export function StatusBadges({ cites, cms }: { cites?: StatusSummary | null; cms?: StatusSummary | null }) {
  return <span className="badges"><StatusBadge convention="CITES" status={cites} /> <StatusBadge convention="CMS" status={cms} /></span>;
}

export function Loading() {
  const { t } = useTranslation();
  return <p className="loading" role="status" aria-live="polite">{t('common.loading')}</p>;
}

export function ErrorMessage({ error }: { error: Error }) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError && error.status === 0 ? t('error.apiDown') : error.message;
  return <div className="banner error" role="alert"><strong>{t('error.title')}</strong> {detail}</div>;
}
