// GET /docs: the API reference as one plain, accessible HTML page rendered from
// the OpenAPI document (Swagger UI had 2 critical and 2 serious axe violations:
// unnamed buttons and selects, low-contrast badges). No script: every operation,
// its parameters, body and answers are there to read, search and link to.
import type { FastifyInstance } from 'fastify';

interface Schema { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; description?: string; $ref?: string; deprecated?: boolean; format?: string; anyOf?: Schema[] }
interface Parameter { name: string; in: string; required?: boolean; description?: string; schema?: Schema }
interface Operation { summary?: string; description?: string; tags?: string[]; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }> }
interface Document { info: { title: string; description?: string; version: string }; paths: Record<string, Record<string, Operation>> }

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const anchor = (method: string, path: string) => `${method}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/** A schema's type in a few words: 'string (date)', 'array of Problem', 'one of: a, b'. */
function typeOf(s: Schema | undefined): string {
  if (!s) return '';
  if (s.$ref) return s.$ref.replace(/#.*$/, '').replace(/^.*\//, '');
  if (s.enum) return `one of: ${s.enum.map((v) => (v === null ? 'null' : String(v))).join(', ')}`;
  if (s.anyOf) return s.anyOf.map(typeOf).join(' or ');
  const t = [s.type ?? 'any'].flat().join(' or ');
  if (t.startsWith('array')) return `array of ${typeOf(s.items) || 'any'}`;
  return s.format ? `${t} (${s.format})` : t;
}

/** The top-level fields of an object schema, as a table. */
function fields(s: Schema | undefined, caption: string): string {
  const props = s?.properties ?? (s?.items?.properties ? s.items.properties : undefined);
  if (!props) return s ? `<p>${esc(caption)}: ${esc(typeOf(s))}</p>` : '';
  const required = new Set(s?.required ?? s?.items?.required ?? []);
  const rows = Object.entries(props).map(([name, p]) => `<tr><th scope="row"><code>${esc(name)}</code>${p.deprecated ? ' (deprecated)' : ''}</th><td>${esc(typeOf(p))}</td><td>${required.has(name) ? 'yes' : 'no'}</td><td>${esc(p.description)}</td></tr>`);
  return `<table><caption>${esc(caption)}${s?.items ? ' (each item)' : ''}</caption><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Always present</th><th scope="col">Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function operation(path: string, method: string, op: Operation): string {
  const id = anchor(method, path);
  const params = op.parameters?.length
    ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${
      op.parameters.map((p) => `<tr><th scope="row"><code>${esc(p.name)}</code></th><td>${esc(p.in)}</td><td>${esc(typeOf(p.schema))}</td><td>${p.required ? 'yes' : 'no'}</td><td>${esc(p.description ?? p.schema?.description)}</td></tr>`).join('')}</tbody></table>`
    : '';
  const body = op.requestBody?.content ? Object.entries(op.requestBody.content).map(([media, c]) => fields(c.schema, `Request body (${media})`)).join('') : '';
  const answers = Object.entries(op.responses ?? {}).map(([status, r]) => {
    const media = Object.keys(r.content ?? {});
    const main = r.content?.['application/json']?.schema;
    const detail = status.startsWith('2') && main ? `<details><summary>Fields of the ${esc(status)} answer</summary>${fields(main, `Answer ${status}`)}</details>` : '';
    return `<li><strong>${esc(status)}</strong> ${esc(r.description ?? '')}${media.length ? ` (${media.map(esc).join(', ')})` : ''}${detail}</li>`;
  }).join('');
  return `<section aria-labelledby="${id}"><h3 id="${id}"><span class="method">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}${params}${body}<h4>Answers</h4><ul>${answers}</ul></section>`;
}

export function renderDocsPage(doc: Document): string {
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation(path, method, op)]);
      toc.set(tag, [...(toc.get(tag) ?? []), `<li><a href="#${anchor(method, path)}">${method.toUpperCase()} ${esc(path)}</a></li>`]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} reference</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;line-height:1.45}header,main{max-width:70rem;margin:0 auto;padding:1rem}
a{color:#0b5394}table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600}.method{display:inline-block;min-width:4.5rem;background:#0b3d6b;color:#fff;padding:0 .4rem;border-radius:3px}
section{border-top:1px solid #d0d7de;margin-top:1rem}nav ul{columns:2 22rem}code{font-size:.95em}.skip{position:absolute;left:-999px}.skip:focus{left:.5rem}</style></head>
<body><a class="skip" href="#main">Skip to the reference</a><header><h1>${esc(doc.info.title)} ${esc(doc.info.version)}</h1>
<p>${esc(doc.info.description)}</p><p>Machine-readable: <a href="/openapi.json">the OpenAPI 3.1 document</a>. Errors are RFC 9457 problem+json; field names are snake_case. Back to <a href="/">Concord</a>.</p>
<nav aria-label="Operations">${tags.map((t) => `<h2>${esc(t)}</h2><ul>${toc.get(t)!.join('')}</ul>`).join('')}</nav></header>
<main id="main">${tags.map((t) => `<h2 id="tag-${esc(t)}">${esc(t)}</h2>${byTag.get(t)!.join('')}`).join('')}</main></body></html>`;
}

/** GET /docs (and /docs/): the page, rendered once from the document when first asked. */
export function registerDocsPage(app: FastifyInstance): void {
  let html: string | null = null;
  const page = async (_req: unknown, reply: import('fastify').FastifyReply) => {
    html ??= renderDocsPage(app.swagger() as unknown as Document);
    return reply.type('text/html; charset=utf-8').send(html);
  };
  app.get('/docs', { schema: { hide: true } }, page);
  app.get('/docs/', { schema: { hide: true } }, page);
}
