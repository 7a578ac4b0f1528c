import { UsageError } from './command.js';

export interface ParsedArgs {
  flags: Map<string, string[]>;
  positional: string[];
}

/** Options that may be given more than once (each adds a value); any other option given twice is refused. */
const REPEATABLE = new Set(['notify']);

/** Parses `--name value`, `--name=value` and boolean `--flag` (names listed in `booleans`). */
export function parseArgs(args: string[], booleans: string[], valued: string[]): ParsedArgs {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  const put = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq >= 0 ? eq : undefined);
    if (booleans.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      put(name, 'true');
    } else if (valued.includes(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      // `--snapshot a --snapshot b` or two --fail-under: which one is meant cannot be told.
      if (flags.has(name) && !REPEATABLE.has(name)) throw new UsageError(`--${name} is given more than once`);
      put(name, v);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { flags, positional };
}

export const flag = (p: ParsedArgs, name: string): boolean => p.flags.has(name);
export const value = (p: ParsedArgs, name: string): string | undefined => p.flags.get(name)?.at(-1);
export const values = (p: ParsedArgs, name: string): string[] => p.flags.get(name) ?? [];
