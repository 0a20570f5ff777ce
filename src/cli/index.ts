#!/usr/bin/env node
// `concord`: one program for every job. Each command lives in ./commands/ and
// exports `register(program)`; this file only gathers them. A run loads only
// the command it runs; `concord --help` prints the help the build wrote
// (dist/help.txt, from these same definitions) without loading any.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';

const here = path.dirname(fileURLToPath(import.meta.url));
const commandsDir = path.join(here, 'commands');
/** Commands registered by a file of another name. */
const FILE_OF: Record<string, string> = { restore: 'backup' };

function commandFiles(): string[] {
  return fs.readdirSync(commandsDir).filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|d)\.ts$/.test(f)).sort();
}

/** The program with every command, or with only the one named (the others' modules are not loaded). */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('concord')
    .description('CITES and CMS species data, linked: import, serve, match names, report.')
    .showHelpAfterError();
  const files = commandFiles();
  const wanted = only ? files.filter((f) => f.replace(/\.(ts|js)$/, '') === (FILE_OF[only] ?? only)) : [];
  for (const f of wanted.length ? wanted : files) {
    const mod = (await import(pathToFileURL(path.join(commandsDir, f)).href)) as { register: (p: Command) => void };
    mod.register(program);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `concord parse names.txt | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
  const args = argv.slice(2);
  const cachedHelp = path.join(here, '..', 'help.txt');
  if ((args.length === 0 || (args.length === 1 && ['--help', '-h', 'help'].includes(args[0]))) && fs.existsSync(cachedHelp)) {
    process.stdout.write(fs.readFileSync(cachedHelp, 'utf8'));
    return;
  }
  const program = await buildProgram(args[0] && !args[0].startsWith('-') ? args[0] : undefined);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    process.stderr.write(`concord: ${(e as Error).message}\n`);
    // 3: the embedded database's folder is another process's (src/db/lock.ts); nothing was changed.
    process.exitCode = (e as Error).name === 'DataDirBusy' ? 3 : 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main(process.argv);
