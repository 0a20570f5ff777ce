import { expect, it } from 'vitest';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { PgTable as PgTableClass } from 'drizzle-orm/pg-core';
import * as schema from '../src/db/schema.js';
import { describeEachDatabase } from './support/databases.js';

const tables: PgTable[] = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTableClass));

describeEachDatabase('database schema', (get, backend) => {
  it('migrations create every table and column the Drizzle schema declares', async () => {
    const rows = await get().query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = 'public'`);
    const have = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
    const missing = tables.flatMap((t) => {
      const cfg = getTableConfig(t);
      return cfg.columns.map((c) => `${cfg.name}.${c.name}`).filter((k) => !have.has(k));
    });
    expect(missing).toEqual([]);
  });

  it('knows both taxonomies and has trigram search', async () => {
    const rows = await get().query<{ id: string }>('select id from taxonomies order by id');
    expect(rows.map((r) => r.id)).toEqual(['CITES', 'CMS']);
    const sim = await get().query<{ s: number }>(`select similarity('acinonyx jubatus', 'acynonix jubatus') as s`);
    expect(Number(sim[0].s)).toBeGreaterThan(0.3);
  });

  // PGlite has no JIT
  it.runIf(backend === 'postgres')('runs without JIT compilation on PostgreSQL (compiling the export query cost 1.1 s a batch)', async () => {
    for (let i = 0; i < 3; i++) { // every pooled connection
      const [{ jit }] = await get().query<{ jit: string }>('show jit');
      expect(jit).toBe('off');
    }
  });

  it('re-applying migrations changes nothing', async () => {
    await get().migrate();
    const rows = await get().query<{ n: string }>('select count(*) as n from taxonomies');
    expect(Number(rows[0].n)).toBe(2);
  });
});
