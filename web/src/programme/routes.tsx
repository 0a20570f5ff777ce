// Programme tracker pages (Joint Work Programme). Owned by the programme
// tracker work; the web app mounts these routes and nav entries. The pages'
// strings (./i18n.ts) are added to i18next here, so no merge is needed.
import type { ReactNode } from 'react';
import i18next from 'i18next';
import { resources } from '../locales/programme';
import ProgrammeOverview from './Overview';
import ActivityPage from './Activity';
import SpeciesGroupPage from './SpeciesGroup';
import SignInPage from './SignIn';
import UsersPage from './Users';
import AuditPage from './Audit';
import CurationPage from './Curation';
import CmsPartiesPage from './CmsParties';

export interface ProgrammeRoute { path: string; element: ReactNode }
export interface ProgrammeNavItem { path: string; labelKey: string }

const addStrings = () => { for (const [lang, bundle] of Object.entries(resources)) i18next.addResourceBundle(lang, 'translation', bundle, true, false); };
if (i18next.store) addStrings(); else i18next.on('initialized', addStrings);

export const programmeRoutes: ProgrammeRoute[] = [
  { path: '/programme', element: <ProgrammeOverview /> },
  { path: '/programme/:code', element: <ProgrammeOverview /> },
  { path: '/programme/:code/activities/:activity', element: <ActivityPage /> },
  { path: '/species-groups/:slug', element: <SpeciesGroupPage /> },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/admin/users', element: <UsersPage /> },
  { path: '/admin/audit', element: <AuditPage /> },
  { path: '/curation', element: <CurationPage /> },
  { path: '/cms-parties', element: <CmsPartiesPage /> },
];

export const programmeNav: ProgrammeNavItem[] = [
  { path: '/programme', labelKey: 'programme.nav.programme' },
  { path: '/curation', labelKey: 'programme.nav.curation' },
  { path: '/cms-parties', labelKey: 'programme.nav.parties' },
];

export { default as AccountNav } from './AccountNav';
