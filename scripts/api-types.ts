// Writes web/src/openapi-types.ts: the TypeScript types of /openapi.json
// (openapi-typescript), so the web app's types come from the server's schemas
// and `npm run typecheck` fails when a route's shape changes under the app.
// `npm run api-types` regenerates; test/api/api-types.test.ts fails when it is stale.
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../src/api/app.js';
import { openDatabase } from '../src/db/client.js';

export const API_TYPES_FILE = path.resolve(import.meta.dirname, '../web/src/openapi-types.ts');

/** The generated module's text for the app's current OpenAPI document. */
export async function apiTypesSource(): Promise<string> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    const app = await buildApp({ database, logger: false, rateLimit: false });
    await app.ready();
    const doc = app.swagger() as Parameters<typeof openapiTS>[0];
    await app.close();
    const ast = await openapiTS(doc, { alphabetize: true });
    return `// Generated from /openapi.json by scripts/api-types.ts (npm run api-types). Do not edit.\n/* eslint-disable */\n${astToString(ast)}`;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  fs.writeFileSync(API_TYPES_FILE, await apiTypesSource());
  console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
}
