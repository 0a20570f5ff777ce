// The web app's API types are generated from the server's OpenAPI document:
// the committed file must be what the document gives now, so a route's change
// reaches the app's type check (`npm run typecheck`) instead of a user.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../../scripts/api-types.js';

it('web/src/openapi-types.ts is generated from the current /openapi.json (npm run api-types)', async () => {
  const committed = fs.readFileSync(API_TYPES_FILE, 'utf8');
  const now = await apiTypesSource();
  expect(now === committed, 'web/src/openapi-types.ts is stale: run npm run api-types').toBe(true);
  expect(committed).toContain('"/api/v1/programmes/{code}/activities/{activity}"');
}, 120_000);
