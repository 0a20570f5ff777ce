// Once for all browser tests: build the web app and start the server.
import type { TestProject } from 'vitest/node';
import { buildWeb, startServer, type Server } from './harness.js';

let server: Server | undefined;

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}

export async function setup(project: TestProject) {
  buildWeb();
  server = await startServer();
  project.provide('baseUrl', server.url);
}

export async function teardown() {
  await server?.stop();
}
