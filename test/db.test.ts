import { expect, it } from 'vitest';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { PgTable as PgTableClass } from 'drizzle-orm/pg-core';
import fs from 'node:fs';
import path from 'node:path';
import { describeEachDatabase } from './support/databases.js';

// Every schema file of src/db (schema.ts, schema-programme.ts, and any added later).
const dbDir = path.resolve(import.meta.dirname, '../src/db');
const schemaFiles = fs.readdirSync(dbDir).filter((f) => /^schema.*\.ts$/.test(f)).sort();
const modules = await Promise.all(schemaFiles.map((f) => import(path.join(dbDir, f)) as Promise<Record<string, unknown>>));
const tables: PgTable[] = modules.flatMap((m) => Object.values(m)).filter((v): v is PgTable => is(v, PgTableClass));

/** The whole catalogue of the public schema, one line a fact: columns, constraints, indexes, triggers, functions, extensions, sequences. */
const CATALOGUE = `
  select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as fact
    from information_schema.columns where table_schema = 'public'
  union all select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    from pg_constraint where connamespace = 'public'::regnamespace
  union all select 'index ' || indexdef from pg_indexes where schemaname = 'public'
  union all select 'trigger ' || tgrelid::regclass || ' ' || tgname from pg_trigger where not tgisinternal
  union all select 'function ' || p.oid::regprocedure from pg_proc p where p.pronamespace = 'public'::regnamespace
  union all select 'extension ' || extname from pg_extension
  union all select 'sequence ' || sequencename from pg_sequences where schemaname = 'public'
  order by 1`;

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

  it('covers every schema file', () => {
    expect(schemaFiles).toEqual(expect.arrayContaining(['schema.ts', 'schema-programme.ts']));
    const names = new Set(tables.map((t) => getTableConfig(t).name));
    for (const t of ['taxon_concepts', 'listing_changes', 'users', 'activities', 'audit_events']) expect(names, t).toContain(t);
  });

  it('re-applying migrations is a no-op: the whole catalogue, the migration journal and the seeded rows are unchanged', async () => {
    const facts = async () => (await get().query<{ fact: string }>(CATALOGUE)).map((r) => r.fact);
    const journal = async () => get().query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by id');
    const [before, appliedBefore] = [await facts(), await journal()];
    expect(before.length).toBeGreaterThan(100);
    await get().migrate();
    expect(await facts()).toEqual(before);
    expect(await journal()).toEqual(appliedBefore);
    const rows = await get().query<{ n: string }>('select count(*) as n from taxonomies');
    expect(Number(rows[0].n)).toBe(2);
  });
});
