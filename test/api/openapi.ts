// Validate responses explicitly against the app's own OpenAPI document
// (fastify's response schemas only drive serialisation, they do not reject).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

type Doc = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>> };

export function openApiValidator(app: FastifyInstance) {
  const doc = app.swagger() as unknown as Doc;
  const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema(doc as object, 'openapi');
  const templates = Object.keys(doc.paths).map((p) => ({ p, re: new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`) }));
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();

  /** Throws with the errors when the response does not fit its documented schema. */
  return function validate(method: string, url: string, res: LightMyRequestResponse): void {
    const path = url.split('?')[0].replace(/\.json$/, ''); // the .json aliases are hidden from the document
    const t = templates.filter((x) => x.re.test(path)).sort((a, b) => b.p.length - a.p.length)[0];
    if (!t) throw new Error(`${method} ${path}: no OpenAPI path`);
    const responses = doc.paths[t.p][method.toLowerCase()]?.responses ?? {};
    const status = String(res.statusCode);
    const entry = responses[status];
    if (!entry) throw new Error(`${method} ${path}: status ${status} is not documented`);
    const contentType = String(res.headers['content-type'] ?? '').split(';')[0];
    if (!/json/.test(contentType)) return; // CSV, NDJSON, ZIP: checked by their own tests
    const media = Object.keys(entry.content ?? {})[0];
    if (!media) throw new Error(`${method} ${path} ${status}: no documented content`);
    const pointer = `openapi#/paths/${t.p.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${status}/content/${media.replace(/\//g, '~1')}/schema`;
    let v = cache.get(pointer);
    if (!v) { v = ajv.compile({ $ref: pointer }); cache.set(pointer, v); }
    if (!v(res.json())) throw new Error(`${method} ${url} ${status} does not fit the OpenAPI schema: ${ajv.errorsText(v.errors, { dataVar: 'response' })}`);
  };
}
