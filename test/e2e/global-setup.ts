// Once for all browser tests: build the web app and start the server.
import type { TestProject } from 'vitest/node';
import { buildWeb, startServer, type Server } from './harness.js';

let server: Server | undefined;

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}

export async function setup(project: TestProject) {
  buildWeb();
  // CONCORD_E2E_URL: test a server that is already running (with this build).
  if (process.env.CONCORD_E2E_URL) return project.provide('baseUrl', process.env.CONCORD_E2E_URL);
  server = await startServer();
  project.provide('baseUrl', server.url);
}

export async function teardown() {
  await server?.stop();
}
