// Helpers the commands share: open the database, print, exit codes.
import { openDatabase, type Database } from '../db/client.js';
import { loadConfig } from '../config.js';

/** Open the configured database, run `fn`, always close. */
export async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function fail(message: string, code = 1): void {
  process.stderr.write(`concord: ${message}\n`);
  process.exitCode = code;
}
