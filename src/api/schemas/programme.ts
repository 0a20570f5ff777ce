// Schemas of the Joint Work Programme routes (reading and editing): requests and
// every answer, closed, snake_case. The shapes are src/programme/presenters.ts's.
import { PROGRAMME_STATUSES, PROGRESS_STATUSES } from '../../programme/domain.js';
import { currentListingProps, currentListingRequired, taxonomyEnum } from '../schemas.js';
import { bool, closed, csrfField, dateTime, int, intOrNull, secretariats, str, strOrNull, strings } from './common.js';

const programmeCode = { type: 'string', pattern: '^\\d{4}-\\d{4}$', description: 'The period, e.g. 2021-2025' } as const;
const status = { type: 'string', enum: [...PROGRESS_STATUSES] } as const;

export const codeParams = { type: 'object', required: ['code'], additionalProperties: false, properties: { code: programmeCode } } as const;
export const activityParams = {
  type: 'object', required: ['code', 'activity'], additionalProperties: false,
  properties: { code: programmeCode, activity: { type: 'string', maxLength: 8, description: 'Activity code such as A1 or B15' } },
} as const;
export const slugParams = { type: 'object', required: ['slug'], additionalProperties: false, properties: { slug: { type: 'string', pattern: '^[a-z0-9-]{1,80}$' } } } as const;

export const programmeSchema = closed({
  code: str, title: str, period_start: int, period_end: int, status: { type: 'string', enum: [...PROGRAMME_STATUSES] },
  introduction: strOrNull, version: { ...int, description: 'Send it back when editing (optimistic locking)' }, updated_at: dateTime,
});
export const themeSchema = closed({ code: str, title: str, description: strOrNull });
const activityProps = { code: str, theme: str, heading: strOrNull, text: str, status, lead_secretariats: secretariats, mandates: strings } as const;
export const activitySummarySchema = closed(activityProps);
export const activitySchema = closed({ ...activityProps, version: int, updated_at: dateTime, source_line: intOrNull });
const linkKind = { type: 'string', enum: ['taxon', 'meeting', 'document', 'funding', 'activity'] } as const;
export const progressSchema = closed({
  id: int, date: str, author_name: str, text: str, status, origin: { type: 'string', enum: ['user', 'import'] },
  shared_from: { ...strOrNull, description: 'The activity this entry was first reported on, when shared' }, created_at: dateTime,
  links: { type: 'array', items: closed({ kind: linkKind, label: str, target_id: intOrNull, url: strOrNull }) },
});
export const fundingSchema = closed({ activity_code: strOrNull, amount: { type: 'number' }, currency: str, donor: str, purpose: str, year: intOrNull });
const groupRef = closed({ slug: str, name: str });

export const programmeDetailSchema = closed({
  programme: programmeSchema,
  can: closed({ update: bool }, 'What the caller may do (the UI hides the rest)'),
  themes: { type: 'array', items: closed({ ...themeSchema.properties, counts: closed({ planned: int, ongoing: int, completed: int, discontinued: int }), activities: { type: 'array', items: activitySummarySchema } }) },
  funding: { type: 'array', items: fundingSchema },
});

export const activityDetailSchema = closed({
  programme: closed({ code: str, title: str }),
  theme: themeSchema,
  activity: activitySchema,
  species_groups: { type: 'array', items: groupRef },
  progress: { type: 'array', items: progressSchema },
  funding: { type: 'array', items: fundingSchema },
  can: closed({ update: bool, add_progress: bool }),
});

export const speciesGroupSummarySchema = closed({ slug: str, name: str, taxa: { type: 'array', items: closed({ name: str, common_name: strOrNull }) } });

/** A group's taxon concept with its status in both conventions (the keys of every list). */
export const groupConceptSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    id: int, taxonomy: taxonomyEnum, full_name: str, author_year: strOrNull, rank: str, name_status: str,
    match: { type: 'string', enum: ['exact', 'stemmed'], description: "How the group's name found the concept: exactly, or through the stemmed epithet (a gender variant)" },
    under: { ...strOrNull, description: 'The listed higher taxon the group names, when the concept is a listed taxon below it' },
    ...currentListingProps,
  },
  required: ['id', 'taxonomy', 'full_name', 'author_year', 'rank', 'name_status', 'match', 'under', ...currentListingRequired],
} as const;

export const speciesGroupDetailSchema = closed({
  group: closed({ slug: str, name: str, description: strOrNull }),
  taxa: { type: 'array', items: closed({ name: str, common_name: strOrNull, concepts: { type: 'array', items: groupConceptSchema } }) },
  activities: { type: 'array', items: closed({ programme: str, code: str, text: str, status }) },
});

export const programmeChangesBody = {
  type: 'object', required: ['version'], additionalProperties: false,
  properties: { version: int, title: { type: 'string', minLength: 1, maxLength: 500 }, introduction: { type: ['string', 'null'], maxLength: 20000 }, status: { type: 'string', enum: [...PROGRAMME_STATUSES] }, _csrf: csrfField },
} as const;

export const activityChangesBody = {
  type: 'object', required: ['version'], additionalProperties: false, properties: {
    version: int, text: { type: 'string', minLength: 1, maxLength: 20000 }, status,
    mandates: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 50 },
    lead_secretariats: { type: 'array', items: { type: 'string', enum: ['CITES', 'CMS'] }, minItems: 1, maxItems: 2, uniqueItems: true }, _csrf: csrfField,
  },
} as const;

export const progressBody = {
  type: 'object', required: ['date', 'text', 'status'], additionalProperties: false, properties: {
    date: { type: 'string', maxLength: 10, description: 'YYYY-MM-DD, not in the future' }, text: { type: 'string', minLength: 1, maxLength: 20000 }, status, _csrf: csrfField,
    links: {
      type: 'array', maxItems: 50,
      items: { type: 'object', required: ['kind', 'label'], additionalProperties: false, properties: { kind: linkKind, label: { type: 'string', minLength: 1, maxLength: 500 }, target_id: { type: ['integer', 'null'] }, url: { type: ['string', 'null'], maxLength: 2000 } } },
    },
  },
} as const;

export const fundingBody = {
  type: 'object', required: ['amount', 'currency', 'donor', 'purpose', 'year'], additionalProperties: false, properties: {
    activity_code: { type: ['string', 'null'], maxLength: 8 }, amount: { type: 'number', exclusiveMinimum: 0 }, currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    donor: { type: 'string', minLength: 1, maxLength: 500 }, purpose: { type: 'string', minLength: 1, maxLength: 5000 }, year: { type: 'integer' }, _csrf: csrfField,
  },
} as const;
