// Where the audit's data comes from: a snapshot file (JSON or JSON Lines, streamed), live HA, or the demo home.
import type { Snapshot } from '../model/ha.js';
import { Auditor, type AuditOptions } from '../engine.js';
import { EventStore } from '../store/event-store.js';
import { readSnapshotFile } from '../io/snapshot-reader.js';
import { demoSnapshot } from '../demo/house.js';
import { flag, value, type ParsedArgs } from './args.js';
import { UsageError } from './command.js';
import { loadLiveSnapshot } from './live.js';
import { baseUrl } from '../ha/connection.js';

export const SOURCE_BOOLEANS = ['demo'];
export const SOURCE_VALUED = ['snapshot', 'url', 'token', 'days'];
export const SOURCE_USAGE = `  --snapshot FILE   a snapshot file (.json, or .jsonl: header line then one event per line)
  --url URL         live Home Assistant (or env LOCK_SENTINEL_URL)
  --token TOKEN     long-lived access token for --url (or env LOCK_SENTINEL_TOKEN)
  --days N          days of history to read from live HA (default 30)
  --demo            the embedded demo home (the default when no source is given)`;

type Source = { kind: 'file'; path: string } | { kind: 'live'; url: string; token: string; days: number } | { kind: 'demo' };

export function pickSource(p: ParsedArgs): Source {
  const file = value(p, 'snapshot');
  const url = value(p, 'url') ?? (file || flag(p, 'demo') ? undefined : process.env.LOCK_SENTINEL_URL || undefined);
  const chosen = [file !== undefined, url !== undefined, flag(p, 'demo')].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('choose one source: --snapshot FILE, --url URL or --demo');
  // Options that only a live source reads are refused elsewhere rather than silently ignored.
  if (url === undefined) {
    for (const only of ['days', 'token']) if (flag(p, only)) throw new UsageError(`--${only} only applies to a live source (--url URL)`);
  }
  if (file !== undefined) return { kind: 'file', path: file };
  if (url !== undefined) {
    // Checked here, once, for every live command (the REST commands used it as typed and quoted it in errors).
    let base: string;
    try {
      base = baseUrl(url);
    } catch (e) {
      throw new UsageError(`--url: ${(e as Error).message}`);
    }
    const token = value(p, 'token') ?? (process.env.LOCK_SENTINEL_TOKEN || undefined);
    if (!token) throw new UsageError('--url needs --token TOKEN (or env LOCK_SENTINEL_TOKEN)');
    const rawDays = value(p, 'days') ?? '30';
    const days = Number(rawDays);
    if (!/^\d+$/.test(rawDays) || days > 365) throw new UsageError(`--days must be a whole number from 0 to 365, got ${JSON.stringify(rawDays)}`);
    return { kind: 'live', url: base, token, days };
  }
  return { kind: 'demo' };
}

const progress = (line: string) => process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K` : `${line}\n`);

/** An auditor fed from the chosen source; files are streamed, never held whole. */
export async function loadAuditor(p: ParsedArgs, options: AuditOptions = {}): Promise<Auditor> {
  const source = pickSource(p);
  if (source.kind === 'file') {
    const store = new EventStore();
    let early: Auditor | null = null;
    const { header, eventsPresent } = await readSnapshotFile(source.path, (e) => store.add(e), (h) => {
      early = new Auditor(h, { ...options, store, eventsPresent: true, snapshot: true });
    });
    return early ?? new Auditor(header, { ...options, store, eventsPresent, snapshot: true });
  }
  const snap = source.kind === 'live' ? await loadLiveSnapshot({ ...source, onProgress: progress }) : demoSnapshot();
  if (source.kind === 'live' && process.stderr.isTTY) process.stderr.write('\n');
  const auditor = new Auditor(snap, { ...options, eventsPresent: Array.isArray(snap.events), snapshot: true });
  for (const e of snap.events ?? []) auditor.addEvent(e);
  return auditor;
}

/** The whole snapshot in memory (for the generator, which needs no event stream). */
export async function loadSource(p: ParsedArgs): Promise<Snapshot> {
  const source = pickSource(p);
  if (source.kind === 'demo') return demoSnapshot();
  if (source.kind === 'live') return loadLiveSnapshot({ ...source, onProgress: progress });
  const events: Snapshot['events'] = [];
  const { header } = await readSnapshotFile(source.path, (e) => events.push(e));
  return { ...header, events };
}
