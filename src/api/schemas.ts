// JSON schemas shared by the routes: one object per shape, used for
// validation, serialisation and the OpenAPI document at once.
const str = { type: 'string' } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const intOrNull = { type: ['integer', 'null'] } as const;
const bool = { type: 'boolean' } as const;
const strings = { type: 'array', items: str } as const;

export const problemResponses = {
  400: { $ref: 'Problem#' },
  404: { $ref: 'Problem#' },
  406: { $ref: 'Problem#' },
  413: { $ref: 'Problem#' },
  429: { $ref: 'Problem#' },
} as const;

/** Where a fact came from: the import run, the file and line. */
export const provenanceSchema = {
  type: 'object',
  properties: { import_run_id: intOrNull, source_file: strOrNull, source_line: intOrNull },
  required: ['import_run_id', 'source_file', 'source_line'],
  additionalProperties: false,
} as const;

export const higherTaxaSchema = {
  type: 'object',
  properties: { kingdom: strOrNull, phylum: strOrNull, class: strOrNull, order: strOrNull, family: strOrNull, genus: strOrNull },
  required: ['kingdom', 'phylum', 'class', 'order', 'family', 'genus'],
  additionalProperties: false,
} as const;

export const taxonomyEnum = { type: 'string', enum: ['CITES', 'CMS'] } as const;

/** Which concept a convention's status comes from: the taxon itself ('self') or its counterpart in the other taxonomy. */
export const conceptRefSchema = {
  type: ['object', 'null'],
  description: "The concept this convention's status comes from and how it is linked to the taxon: 'self', or (in the other taxonomy) 'equal', 'included_in' (the taxon is part of it, e.g. a species of a listed family), 'includes', 'overlaps'; null when the taxon has no counterpart in that convention's taxonomy",
  properties: { id: int, full_name: str, relation: { type: 'string', enum: ['self', 'equal', 'included_in', 'includes', 'overlaps'] } },
  required: ['id', 'full_name', 'relation'],
  additionalProperties: false,
} as const;

export const instrumentSchema = {
  type: 'object',
  description: 'A CMS Agreement or Memorandum of Understanding covering the taxon',
  properties: { code: str, name: str, kind: { type: 'string', enum: ['agreement', 'mou'] }, since: { ...strOrNull, description: 'YYYY-MM-DD, when the source gives it' } },
  required: ['code', 'name', 'kind', 'since'],
  additionalProperties: false,
} as const;

/**
 * The status of a taxon in both conventions, the same keys in every list and
 * detail (search, country species, name matches, species groups): each
 * listing follows the concept links when the taxon belongs to the other taxonomy.
 */
export const currentListingProps = {
  cites_listing: { ...strOrNull, description: "Current CITES listing ('I', 'I/II', 'III', 'II/NC' ...) of the taxon, through its CITES counterpart when it is a CMS concept; null when not listed" },
  cms_listing: { type: ['string', 'null'], enum: ['I', 'II', 'I/II', null], description: 'Current CMS listing (I, II or I/II) of the taxon, through its CMS counterpart when it is a CITES concept; null when not listed. CMS Agreements and MOUs are in cms_instruments' },
  cites_concept: conceptRefSchema,
  cms_concept: conceptRefSchema,
  cms_instruments: { type: 'array', items: instrumentSchema },
  cites_as_of: { ...strOrNull, description: 'The day the CITES data are complete to (the newest source of the whole Appendix list: the 2017 Checklist); newer partial sources in GET /api/v1/coverage' },
  cms_as_of: { ...strOrNull, description: 'The day the CMS data are complete to (the COP14 amendments in force); newer partial sources in GET /api/v1/coverage' },
} as const;
export const currentListingRequired = ['cites_listing', 'cms_listing', 'cites_concept', 'cms_concept', 'cms_instruments', 'cites_as_of', 'cms_as_of'] as const;

export const taxonSummarySchema = {
  type: 'object',
  properties: {
    id: int, taxonomy: taxonomyEnum, speciesplus_id: intOrNull, full_name: str, author_year: strOrNull,
    rank: str, name_status: str, higher_taxa: higherTaxaSchema,
    ...currentListingProps, updated_at: { type: 'string', format: 'date-time' },
    matched: {
      type: ['object', 'null'],
      description: 'Which name matched the search',
      properties: { name: str, kind: { type: 'string', enum: ['accepted', 'synonym', 'common'] }, language: strOrNull },
      required: ['name', 'kind', 'language'],
      additionalProperties: false,
    },
  },
  required: ['id', 'taxonomy', 'speciesplus_id', 'full_name', 'author_year', 'rank', 'name_status', 'higher_taxa', ...currentListingRequired, 'updated_at', 'matched'],
  additionalProperties: false,
} as const;

const withProvenance = <P extends Record<string, unknown>, R extends readonly string[]>(properties: P, required: R) => ({
  type: 'object',
  properties: { ...properties, provenance: provenanceSchema },
  required: [...required, 'provenance'],
  additionalProperties: false,
} as const);

const taxonRefSchema = { type: ['object', 'null'], additionalProperties: false, properties: { id: int, name: str, rank: str }, required: ['name'] } as const;
const deprecatedAlias = (of: string, type: object) => ({ ...type, deprecated: true, description: `Deprecated alias of ${of}` });

/**
 * Why a taxon has its status, as structured data a client renders in its reader's
 * language (\`text\` is an English rendering). Which fields are present depends on \`kind\`.
 */
export const reasonSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['own', 'inherited', 'population', 'reservation', 'app3', 'annotation', 'deletion', 'not_in_force', 'excluded', 'descendants', 'via'] },
    text: { ...str, description: 'The reason in English' },
    appendix: str, appendices: strings,
    effective_at: { ...strOrNull, description: 'YYYY-MM-DD' }, change_id: { type: ['integer', 'string'], description: 'The listing change it stands on' },
    from: { ...taxonRefSchema, description: 'inherited, excluded: the higher taxon whose listing it is' },
    included: { ...strings, description: 'population: ISO codes of the only populations listed' },
    excluded: { ...strings, description: 'population: ISO codes of the populations not listed' },
    party: { ...strOrNull, description: 'reservation, app3, deletion: ISO code of the Party' },
    en: strOrNull, es: strOrNull, fr: strOrNull, hash_symbol: strOrNull, hash_annotation: strOrNull,
    since: { ...str, description: 'not_in_force: the day the convention entered into force' },
    relation: { type: 'string', enum: ['equal', 'included_in', 'includes', 'overlaps'], description: 'via: how the concept the status comes from relates to the taxon' },
    concept: { type: 'object', additionalProperties: false, properties: { id: int, full_name: str }, required: ['id', 'full_name'] },
    effectiveAt: deprecatedAlias('effective_at', strOrNull), changeId: deprecatedAlias('change_id', { type: ['integer', 'string'] }),
    hashSymbol: deprecatedAlias('hash_symbol', strOrNull), hashAnnotation: deprecatedAlias('hash_annotation', strOrNull),
  },
  required: ['kind', 'text'],
} as const;

export const conventionStatusSchema = {
  type: 'object',
  properties: {
    listed: bool,
    listing: strOrNull,
    appendices: strings,
    reasons: { type: 'array', items: reasonSchema },
    basis: { type: 'string', enum: ['listing-engine', 'source-current-listings', 'listing-history'], description: 'How the status was derived' },
    concept: conceptRefSchema,
  },
  required: ['listed', 'listing', 'appendices', 'reasons', 'basis', 'concept'],
  additionalProperties: false,
} as const;

export const listingChangeSchema = withProvenance({
  other_sources: { type: 'array', description: 'Other sources that state the same change (stored once)', items: provenanceSchema },
  id: int, convention: taxonomyEnum, appendix: str, change_type: str, effective_at: strOrNull, party: strOrNull,
  is_current: bool, populations_included: strings, populations_excluded: strings, inclusion_taxon_concept_id: intOrNull,
  annotation: {
    type: 'object', additionalProperties: false,
    properties: { en: strOrNull, es: strOrNull, fr: strOrNull, hash_symbol: strOrNull, hash_text: strOrNull },
    required: ['en', 'es', 'fr', 'hash_symbol', 'hash_text'],
  },
  event: strOrNull,
}, ['id', 'convention', 'appendix', 'change_type', 'effective_at', 'party', 'is_current', 'populations_included', 'populations_excluded', 'inclusion_taxon_concept_id', 'annotation', 'event', 'other_sources'] as const);

export const importRunSchema = {
  type: 'object',
  properties: { id: int, source: str, file: str, status: str, started_at: str, finished_at: strOrNull },
  required: ['id', 'source', 'file', 'status', 'started_at', 'finished_at'],
  additionalProperties: false,
} as const;

export const taxonDetailSchema = {
  type: 'object',
  properties: {
    ...taxonSummarySchema.properties,
    legacy_id: strOrNull,
    provenance: provenanceSchema,
    names: {
      type: 'object', additionalProperties: false,
      properties: {
        accepted: { type: 'object', properties: { full_name: str, author_year: strOrNull }, required: ['full_name', 'author_year'], additionalProperties: false },
        accepted_names: { type: 'array', description: 'For a synonym: the accepted concepts it stands for', items: { type: 'object', properties: { id: int, full_name: str, author_year: strOrNull, rank: str }, required: ['id', 'full_name', 'author_year', 'rank'], additionalProperties: false } },
        synonyms: { type: 'array', items: withProvenance({ id: int, full_name: str, author_year: strOrNull, rank: str, name_status: str }, ['id', 'full_name', 'author_year', 'rank', 'name_status'] as const) },
        common_names: { type: 'object', description: 'By ISO 639-1 language', additionalProperties: { type: 'array', items: withProvenance({ name: str }, ['name'] as const) } },
      },
      required: ['accepted', 'accepted_names', 'synonyms', 'common_names'],
    },
    ancestors: { type: 'array', items: { type: 'object', properties: { id: int, full_name: str, rank: str }, required: ['id', 'full_name', 'rank'], additionalProperties: false } },
    distributions: { type: 'array', items: withProvenance({ iso2: str, name: str, type: { type: 'string', description: 'COUNTRY, TERRITORY, or REGION (places that are not countries: CITES regions, the sea, unknown)' }, is_current: { type: 'boolean', description: 'false for a former country (Sudan before 2011, the Soviet Union)' }, tags: { ...strings, description: 'Empty: native. INTRODUCED, INTRODUCED (?), REINTRODUCED, EXTINCT, EXTINCT (?), DISTRIBUTION UNCERTAIN' }, references: { ...strings, description: "The sources' references for this range State" } }, ['iso2', 'name', 'type', 'is_current', 'tags', 'references'] as const) },
    status: {
      type: 'object', additionalProperties: false,
      properties: { CITES: conventionStatusSchema, CMS: conventionStatusSchema },
      required: ['CITES', 'CMS'],
    },
    listing_history: { type: 'array', items: listingChangeSchema },
    listing_periods: {
      type: 'array', description: "The periods the taxon was listed in each appendix by its own listing changes (an App III listing per Party), by the listing engine's rules; to null: still listed",
      items: { type: 'object', additionalProperties: false, properties: { convention: taxonomyEnum, appendix: str, party: strOrNull, from: str, to: strOrNull }, required: ['convention', 'appendix', 'party', 'from', 'to'] },
    },
    links: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false,
        properties: {
          id: int, relation: str, basis: str, origin: str, confidence: { type: 'number' }, review: bool,
          evidence: { type: ['object', 'null'], additionalProperties: true, description: 'Free-form: what the matcher found (the names that met, spellings, candidates), as the link stores it' }, comment: strOrNull, updated_at: str,
          other: { type: 'object', properties: { id: int, taxonomy: taxonomyEnum, full_name: str, rank: str }, required: ['id', 'taxonomy', 'full_name', 'rank'], additionalProperties: false },
        },
        required: ['id', 'relation', 'basis', 'origin', 'confidence', 'review', 'evidence', 'comment', 'updated_at', 'other'],
      },
    },
    references: { type: 'array', items: withProvenance({ citation: str, is_standard: bool, speciesplus_id: intOrNull }, ['citation', 'is_standard', 'speciesplus_id'] as const) },
    conservation: { type: 'array', items: withProvenance({ source: str, category: str, criteria: strOrNull, year_published: intOrNull, population_trend: strOrNull, assessed_name: str }, ['source', 'category', 'criteria', 'year_published', 'population_trend', 'assessed_name'] as const) },
    import_runs: { type: 'array', items: importRunSchema, description: 'The import runs every fact above came from' },
  },
  required: [...taxonSummarySchema.required.filter((k) => k !== 'matched'), 'legacy_id', 'provenance', 'names', 'ancestors', 'distributions', 'status', 'listing_history', 'listing_periods', 'links', 'references', 'conservation', 'import_runs'],
  additionalProperties: false,
} as const;

export const statusOnDateSchema = {
  type: 'object',
  properties: {
    id: int, full_name: str, taxonomy: taxonomyEnum, on: { type: 'string', format: 'date' },
    cites_as_of: currentListingProps.cites_as_of, cms_as_of: currentListingProps.cms_as_of,
    CITES: conventionStatusSchema, CMS: conventionStatusSchema,
  },
  required: ['id', 'full_name', 'taxonomy', 'on', 'cites_as_of', 'cms_as_of', 'CITES', 'CMS'],
  additionalProperties: false,
} as const;

export const pageQuery = {
  page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
  per_page: { type: 'integer', minimum: 1, maximum: 500, default: 50, description: 'At most 500' },
} as const;

export const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['id'],
  additionalProperties: false,
} as const;

export const dateString = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' } as const;
export const dateTimeString = { type: 'string', format: 'date-time', description: 'ISO 8601 date or date-time' } as const;
