// Runs the built CLI as a user does and collects every output it made (stdout, stderr, files under a directory).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const bin = join(import.meta.dirname, '../../../bin/lock-sentinel.js');

export interface CliRun { status: number | null; stdout: string; stderr: string }

export function cli(args: string[], input?: string | Buffer, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 30,
    env: { ...process.env, LOCK_SENTINEL_URL: '', LOCK_SENTINEL_TOKEN: '', LOCK_SENTINEL_DEBUG: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = (prefix = 'ls-') => mkdtempSync(join(tmpdir(), prefix));

/** Every file's text under `dir`. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir, { recursive: true })) {
    const p = join(dir, String(f));
    if (statSync(p).isFile()) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

/** One line on stderr, exit 2, no stack trace, no JavaScript error text. */
export function isCleanFailure(r: CliRun): string | null {
  if (r.status !== 2) return `exit ${r.status}`;
  const lines = r.stderr.trimEnd().split('\n');
  if (lines.length !== 1 || lines[0] === '') return `stderr has ${lines.length} lines: ${r.stderr}`;
  if (/\n\s+at |Cannot read prop|is not a function|is not iterable|undefined|Maximum call stack|ENOENT|EEXIST|EISDIR|ENOSPC|Unexpected token/.test(r.stderr)) return `raw error text: ${r.stderr}`;
  return null;
}
