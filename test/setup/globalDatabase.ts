import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { resolveDatabase } from '../../src/db/resolveDatabase.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

/** Starts one MongoDB-compatible server for the whole run (MONGODB_URI, memory server, or the offline build). */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pq-test-db-'));
  const database = await resolveDatabase({
    dataDir,
    ...(process.env.MONGODB_URI ? { uriFromEnv: process.env.MONGODB_URI } : {}),
    log: (line) => console.log(line),
  });
  project.provide('mongoUri', database.uri);
  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
