// `lock-sentinel snapshot`: captures live Home Assistant into a snapshot file (the engine's input format).
import { writeOutput } from '../../io/files.js';
import { parseArgs, value } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { loadLiveSnapshot } from '../live.js';

const usage = `lock-sentinel snapshot --url URL --token TOKEN [--days N] [--out FILE]
  --url    Home Assistant base URL (or env LOCK_SENTINEL_URL)
  --token  a long-lived access token (or env LOCK_SENTINEL_TOKEN, which keeps it out of shell history)
  --days   days of history to include as events (default 30, 0-365)
  --out    write the JSON here instead of stdout (mode 0600: a snapshot holds the locks' codes)`;

function days(raw: string | undefined): number {
  if (raw === undefined) return 30;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 365) throw new UsageError(`--days must be a whole number from 0 to 365, got ${JSON.stringify(raw)}`);
  return n;
}

const snapshot: Command = {
  name: 'snapshot',
  summary: 'capture a snapshot (states, registries, users, history) from live Home Assistant',
  usage,
  async run(args) {
    const p = parseArgs(args, [], ['url', 'token', 'days', 'out']);
    if (p.positional.length) throw new UsageError(`unexpected argument ${JSON.stringify(p.positional[0])}`);
    const url = value(p, 'url') ?? process.env.LOCK_SENTINEL_URL;
    const token = value(p, 'token') ?? process.env.LOCK_SENTINEL_TOKEN;
    if (!url) throw new UsageError('--url is required (or set LOCK_SENTINEL_URL)');
    if (!token) throw new UsageError('--token is required (or set LOCK_SENTINEL_TOKEN)');
    const out = value(p, 'out');
    const progress = process.stderr.isTTY
      ? (line: string) => process.stderr.write(`\r${line}\x1b[K`)
      : (line: string) => process.stderr.write(`${line}\n`);
    const snap = await loadLiveSnapshot({ url, token, days: days(value(p, 'days')), onProgress: progress });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const json = JSON.stringify(snap, null, 2) + '\n';
    if (out) {
      writeOutput(out, json, 0o600);
      process.stderr.write(`snapshot: ${snap.states.length} states, ${snap.events?.length ?? 0} events → ${out}\n`);
    } else {
      process.stdout.write(json);
    }
    return 0;
  },
};

export default snapshot;
