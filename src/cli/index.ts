#!/usr/bin/env node
// `concord`: one program for every job. Each command lives in ./commands/ and
// exports `register(program)`; this file only gathers them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

export async function buildProgram(): Promise<Command> {
  const program = new Command('concord')
    .description('CITES and CMS species data, linked: import, serve, match names, report.')
    .showHelpAfterError();
  const files = fs.readdirSync(commandsDir).filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|d)\.ts$/.test(f)).sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(commandsDir, f)).href)) as { register: (p: Command) => void };
    mod.register(program);
  }
  return program;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // `concord parse names.txt | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
  const program = await buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    process.stderr.write(`concord: ${(e as Error).message}\n`);
    // 3: the embedded database's folder is another process's (src/db/lock.ts); nothing was changed.
    process.exitCode = (e as Error).name === 'DataDirBusy' ? 3 : 1;
  }
}
