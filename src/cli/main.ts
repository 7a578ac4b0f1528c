// The `lock-sentinel` CLI: a thin face over the engine. Errors are one line; bad input exits 2.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './command.js';
import { SnapshotError } from '../model/validate.js';

const VERSION = '0.1.0';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'lock-sentinel: smart-lock security for Home Assistant',
    '',
    'Usage: lock-sentinel <command> [options]   (lock-sentinel <command> --help for its options)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'With no source, commands use the embedded demo home.',
  ].join('\n') + '\n';
}

/** Errors the user caused (bad input, config or connection): one line, exit 2. */
const isInputError = (e: unknown) => e instanceof UsageError || e instanceof SnapshotError || e instanceof RangeError || e instanceof TypeError;

export async function run(argv: string[]): Promise<number> {
  // A closed pipe (`| head`) ends the output quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    process.stderr.write(`lock-sentinel: unknown command "${name}" (try lock-sentinel --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(cmd.usage + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    process.stderr.write(`lock-sentinel ${name}: ${msg}\n`);
    if (process.env.LOCK_SENTINEL_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return isInputError(e) ? 2 : 1;
  }
}

// `node build/cli.js ...` runs directly; bin/lock-sentinel.js imports `run`.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  process.exitCode = await run(process.argv.slice(2));
}
