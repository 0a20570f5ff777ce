// Which sources state a convention's whole Appendix list (so the knowledge
// base is complete up to their day) and which state part of it (newer facts
// for some taxa). The "as of" of every status comes from these.
import type { Convention } from './conventions.js';

/** Import formats whose files give the whole list of a convention's listings. */
export const COMPLETE_SOURCES: Record<Convention, readonly string[]> = {
  CITES: ['checklist-csv', 'sapi-cites-legislation'],
  CMS: ['sapi-cms-legislation', 'cms-amendments'],
};

/** Import formats whose files give newer facts for some taxa only. */
export const PARTIAL_SOURCES: Record<Convention, readonly string[]> = {
  CITES: ['speciesplus-api', 'speciesplus-sync', 'sapi-current-reservations', 'checklist-history-csv', 'speciesplus-listings-csv'],
  CMS: ['arctic-cms', 'speciesplus-api', 'speciesplus-sync', 'speciesplus-listings-csv'],
};
