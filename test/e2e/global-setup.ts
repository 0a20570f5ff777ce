// Once for all browser tests: build the web app and start the server.
import type { TestProject } from 'vitest/node';
import { buildWeb, startServer, type Server } from './harness.js';

let server: Server | undefined;

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string; dataDir: string }
}

export async function setup(project: TestProject) {
  buildWeb();
  // CONCORD_E2E_URL: test a server that is already running (with this build).
  if (process.env.CONCORD_E2E_URL) { project.provide('dataDir', ''); return project.provide('baseUrl', process.env.CONCORD_E2E_URL); }
  server = await startServer();
  project.provide('baseUrl', server.url);
  project.provide('dataDir', server.dataDir);
}

export async function teardown() {
  await server?.stop();
}
