// Programme tracker pages (Joint Work Programme). Owned by the programme
// tracker work; the web app mounts these routes and nav entries.
import type { ReactNode } from 'react';

export interface ProgrammeRoute { path: string; element: ReactNode }
export interface ProgrammeNavItem { path: string; labelKey: string }

export const programmeRoutes: ProgrammeRoute[] = [];
export const programmeNav: ProgrammeNavItem[] = [];
