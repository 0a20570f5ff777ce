// The OpenAPI document is valid OpenAPI 3.1 and says something about every answer:
// no open object schemas, one casing, and the problem types the error path uses.
import { beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describeOnDatabase } from '../support/databases.js';
import { apiClient, type ApiClient } from './support.js';
import { PROBLEM_BASE, PROBLEM_TYPES } from '../../src/api/problems.js';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; additionalProperties?: boolean | Schema; description?: string; deprecated?: boolean; [k: string]: unknown };

/** Every schema object under `node`, with the JSON pointer of where it sits. */
function* schemas(node: unknown, at: string): Generator<[string, Schema]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) { for (const [i, v] of node.entries()) yield* schemas(v, `${at}/${i}`); return; }
  const o = node as Schema;
  if ('type' in o || 'properties' in o) yield [at, o];
  for (const [k, v] of Object.entries(o)) if (k !== 'example' && k !== 'examples' && k !== 'enum') yield* schemas(v, `${at}/${k}`);
}
const isObject = (s: Schema) => s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'));

describeOnDatabase('the OpenAPI document', 'pglite', (get) => {
  let api: ApiClient;
  let doc: { openapi: string; paths: Record<string, Record<string, unknown>>; components?: unknown };
  beforeAll(async () => {
    api = await apiClient(get());
    doc = (await api.call({ method: 'GET', url: '/openapi.json' }).catch(() => api.app.inject({ url: '/openapi.json' }))).json();
  }, 60_000);

  it('is valid OpenAPI 3.1 (the official schema, through an OpenAPI validator)', async () => {
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors ?? []).slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('describes every object: named properties (or a map of one schema), closed unless a description says why it is free-form', () => {
    const open = [...schemas(doc.paths, '#/paths'), ...schemas(doc.components, '#/components')]
      .filter(([, s]) => isObject(s) && (s.additionalProperties === true ? !s.description : !s.properties && typeof s.additionalProperties !== 'object'))
      .map(([at]) => at);
    expect(open).toEqual([]);
  });

  it('uses one casing: every property name is snake_case, but for documented deprecated aliases', () => {
    const camel = [...schemas(doc.paths, '#/paths')].flatMap(([at, s]) =>
      Object.entries(s.properties ?? {}).filter(([k, p]) => /[A-Z]/.test(k) && !(p as Schema).deprecated && !/^(CITES|CMS)$/.test(k)).map(([k]) => `${at}/${k}`));
    expect(camel).toEqual([]);
  });

  it('answers errors with the stable problem types, /health in both casings', async () => {
    const route404 = await api.app.inject({ url: '/api/v1/nowhere' }); // no path in the document, by definition
    expect(route404.json()).toMatchObject({ type: `${PROBLEM_BASE}not-found`, status: 404, title: PROBLEM_TYPES['not-found'].title });
    const bad = await api.call('/api/v1/taxa?per_page=0');
    expect(bad.json()).toMatchObject({ type: `${PROBLEM_BASE}bad-request`, status: 400, parameter: 'per_page' });
    const health = (await api.call('/health')).json();
    expect(health.data_version).toBe(health.dataVersion);
    expect(health.counts.cites_taxon_concepts).toBe(health.counts.citesTaxonConcepts);
  });
});

describe('problem types', () => {
  it('have one status each, so a status maps to one type URI', () => {
    const statuses = Object.values(PROBLEM_TYPES).map((t) => t.status);
    expect(new Set(statuses).size).toBe(statuses.length);
  });
});
