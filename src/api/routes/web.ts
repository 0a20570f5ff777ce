// The web app: static files from web/dist at '/', with index.html for any
// other path (deep links like /taxa/123 work on reload). API-like paths never
// fall back to the app: they stay problem+json 404s.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { problems } from '../problems.js';
import { loadConfig } from '../../config.js';

const NOT_APP = /^\/(api(\/|$)|openapi\.json|docs(\/|$)|health(\/|$)|exports(\/|$))/;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2', '.webmanifest': 'application/manifest+json',
};

export const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Concord: web app not built</title></head>
<body><h1>The Concord web app is not built yet</h1>
<p>Run <code>npm run build:web</code> in the project folder, then reload this page.
The API is available at <a href="/docs">/docs</a>.</p></body></html>`;

export function webDistDir(): string {
  return loadConfig().webDist ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
}

/** The file under dist for a URL path, or null when it escapes dist or does not exist. */
function fileFor(dist: string, urlPath: string): string | null {
  let rel: string;
  try { rel = decodeURIComponent(urlPath); } catch { return null; }
  const file = path.resolve(dist, `.${rel}`);
  if (file !== dist && !file.startsWith(dist + path.sep)) return null;
  try { return fs.statSync(file).isFile() ? file : null; } catch { return null; }
}

function send(reply: FastifyReply, file: string, immutable: boolean) {
  return reply
    .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
    .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .send(fs.createReadStream(file));
}

export default async function web(app: FastifyInstance) {
  const dist = webDistDir();
  const handler = async (req: { url: string }, reply: FastifyReply) => {
    const urlPath = req.url.split('?')[0];
    if (NOT_APP.test(urlPath)) throw problems.notFound(`No route GET ${urlPath}`);
    const index = path.join(dist, 'index.html');
    // Without a build, '/' explains how to make one; a deep link is a 404
    // problem saying the same (never a 5xx: nothing is broken, it is absent).
    if (!fs.existsSync(index)) {
      if (urlPath === '/') return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(NOT_BUILT_PAGE);
      throw problems.notFound(`No page ${urlPath}: the web app is not built (run npm run build:web)`);
    }
    const file = urlPath === '/' ? null : fileFor(dist, urlPath);
    if (file) return send(reply, file, urlPath.startsWith('/assets/'));
    // A missing asset is a real 404; any other path is a page of the app.
    if (path.extname(urlPath)) throw problems.notFound(`No file ${urlPath}`);
    return send(reply, index, false);
  };
  app.get('/', { schema: { hide: true } }, handler);
  app.get('/*', { schema: { hide: true } }, handler);
}
