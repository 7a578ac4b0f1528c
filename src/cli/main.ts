// The `lock-sentinel` CLI: a thin face over the engine. Errors are one line; bad input exits 2.
import '../adapters/all.js';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './command.js';
import { SnapshotError } from '../model/validate.js';
import { IoError, reason } from '../io/files.js';
import { printable } from '../privacy/escape.js';

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

/** JavaScript's own error texts ("Cannot read properties of null") are no message for a user, and may quote input. */
const isJsError = (e: unknown) => e instanceof TypeError || e instanceof RangeError || e instanceof SyntaxError || e instanceof ReferenceError;

/** The one line a failure ends with: our own messages as they are (made printable), never a JS error text. */
export function failureLine(e: unknown): string {
  if (e instanceof UsageError || e instanceof SnapshotError || e instanceof IoError) return printable(e.message.split('\n')[0]);
  if (e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && 'syscall' in e) return `system error: ${reason(e)}`;
  if (isJsError(e) || !(e instanceof Error)) return 'unexpected internal error (set LOCK_SENTINEL_DEBUG=1 for details)';
  return printable(e.message.split('\n')[0]);
}

/** Output that cannot be written (a full disk, a closed terminal) ends the run with one line; a closed pipe quietly. */
function onOutputError(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') process.exit(0);
  try { process.stderr.write(`lock-sentinel: cannot write the output: ${reason(e)}\n`); } finally { process.exit(2); }
}

export async function run(argv: string[]): Promise<number> {
  process.stdout.on('error', onOutputError);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    if (name) return 0;
    // No command is bad input like any other: exit 2 with its one line on stderr (the help above says what to give).
    process.stderr.write('lock-sentinel: no command given (try lock-sentinel --help)\n');
    return 2;
  }
  if (name === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    process.stderr.write(`lock-sentinel: unknown command ${printable(JSON.stringify(name))} (try lock-sentinel --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(cmd.usage + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    process.stderr.write(`lock-sentinel ${name}: ${failureLine(e)}\n`);
    if (process.env.LOCK_SENTINEL_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    // Exit 1 means only "the audit ran and --fail-under was not met" (returned by audit itself).
    return 2;
  }
}

// `node build/cli.js ...` runs directly; bin/lock-sentinel.js imports `run`.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  process.exitCode = await run(process.argv.slice(2));
}
