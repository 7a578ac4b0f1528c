// `lock-sentinel set-code`: sets a code through the strength gate, through the lock's own service, and records the
// slot (holder, role, added, expiry, set strong) in the household's registry. The PIN goes to exactly one place: the
// service call that sets it. A proposed code is shown once, on the terminal; it is never stored, logged or returned
// in an error.
import { Masker } from '../../privacy/mask.js';
import { text } from 'node:stream/consumers';
import type { Connection, MessageBase } from 'home-assistant-js-websocket';
import { discoverLocks } from '../../adapters/discovery.js';
import { actionsOf } from '../../adapters/actions.js';
import { protocol } from '../../adapters/index.js';
import { captureHeader } from '../../ha/capture.js';
import { send } from '../../ha/command.js';
import { SharedStore } from '../../ha/shared-store.js';
import type { CodeRole, SnapshotHeader } from '../../model/ha.js';
import type { Lock } from '../../model/lock.js';
import { gateCode } from '../../services/code-gate.js';
import { choosePin, CODE_ROLES as ROLES, expiryTime, readableCodes, refusal, registryEntry, sendCode, withEntry } from '../../services/code-setter.js';
import { TimeZone } from '../../time/zone.js';
import { setCodeServiceCall } from '../../services/set-code.js';
import { parseArgs, value } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { withHa } from '../live.js';
import { pickSource } from '../source.js';

interface Request {
  lock: string;
  slot: number;
  holder: string | null;
  role: CodeRole | null;
  /** As typed: a date or a time, read in HA's zone. */
  expires: string | null;
}

/** `--lock lock.x --slot N` (set-code and clear-code). */
export function lockSlot(p: ReturnType<typeof parseArgs>): { lock: string; slot: number } {
  const lock = value(p, 'lock');
  if (!lock || !/^lock\.[a-z0-9_]+$/.test(lock)) throw new UsageError('--lock needs a lock entity id, e.g. --lock lock.front_door');
  const slotText = value(p, 'slot') ?? '';
  const slot = /^\d{1,3}$/.test(slotText) ? Number(slotText) : NaN;
  if (!(slot >= 1 && slot <= 254)) throw new UsageError('--slot needs a slot number from 1 to 254');
  return { lock, slot };
}

function request(p: ReturnType<typeof parseArgs>): Request {
  const { lock, slot } = lockSlot(p);
  const role = value(p, 'role') ?? null;
  if (role !== null && !ROLES.includes(role as CodeRole)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const expires = value(p, 'expires') ?? null;
  // Checked here (any zone tells a real date from 2026-02-30); read in HA's zone once it is known (setCode).
  if (expires !== null && expiryTime(expires, new TimeZone('UTC')) === null) throw new UsageError('--expires needs a date (YYYY-MM-DD or an ISO time)');
  const holder = value(p, 'holder')?.trim() ?? null;
  if (holder !== null && (holder === '' || holder.length > 60)) throw new UsageError('--holder needs a name of 1-60 characters');
  return { lock, slot, holder, role: role as CodeRole | null, expires };
}

/** A code piped on stdin (first non-empty line), or null: then one is proposed. Never from arguments (shell history). */
async function typedCode(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const line = (await text(process.stdin)).split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
  return line ?? null;
}

/** Zigbee2MQTT's friendly name is the device's name as discovered; a rename in HA (name_by_user) does not change the topic. */
export function registryName(header: SnapshotHeader, lock: Lock): string | undefined {
  return header.device_registry?.find((d) => d.id === lock.device_id)?.name ?? undefined;
}

async function setCode(conn: Connection, req: Request, typed: string | null): Promise<string> {
  const header = await captureHeader(conn, new Date());
  // HA lets any user call these services; setting codes is for the household's administrators.
  if (!header.current_user?.is_admin) throw new UsageError('set-code needs an administrator\'s access token');
  const lock = discoverLocks(header).find((l) => l.entity_id === req.lock);
  if (!lock) throw new UsageError(`no lock ${req.lock} in this Home Assistant`);
  const readable = readableCodes(header.usercodes);
  // Names from the house may carry a code: every one this command prints is masked (the in-use codes, and the new one).
  let mask = new Masker(readable);
  if (!actionsOf(lock.protocol).codes.set) throw new UsageError(`${mask.text(lock.name)} (${protocol(lock.protocol).title}) has no service that sets codes`);
  const choice = choosePin(typed, readable);
  if (!choice.ok) throw new UsageError(`refused: the code is not strong enough or already in use (${choice.reasons.join(', ')})`);
  const pin = choice.pin;
  mask = new Masker([...readable, pin]);
  const lockName = mask.text(lock.name);
  const ws = <T>(msg: { type: string }) => send<T>(conn, msg as MessageBase);
  const known = await actionsOf(lock.protocol).codes.options?.(ws, lock);
  let call;
  try {
    call = setCodeServiceCall(lock, req.slot, pin, { deviceName: registryName(header, lock), ...known, haVersion: header.config.version });
  } catch (err) {
    throw new UsageError(`${lockName}: ${(err as Error).message}`);
  }
  try {
    await sendCode((c) => send(conn, { type: 'call_service', ...c } as MessageBase), call, pin);
  } catch (err) {
    throw new UsageError(`Home Assistant did not set the code (${(err as Error).message})`);
  }
  if (typed === null) process.stdout.write(`New code for ${lockName} slot ${req.slot}: ${pin}\n(shown once: Lock Sentinel keeps it nowhere; give it to its holder now)\n`);
  const store = new SharedStore(() => ({ callWS: <T>(msg: { type: string }) => send<T>(conn, msg as MessageBase) }));
  const now = new Date().toISOString();
  try {
    const shared = await store.load();
    const existing = shared.code_registry.find((e) => e.lock === req.lock && e.slot === req.slot);
    const expires = req.expires === null ? null : expiryTime(req.expires, new TimeZone(header.config.time_zone));
    const entry = registryEntry(existing, req.lock, req.slot, { ...req, expires }, now);
    await store.save({ ...shared, code_registry: withEntry(shared.code_registry, entry) });
    return `${lockName} slot ${req.slot}: code set through ${call.domain}.${call.service}; recorded for ${mask.text(entry.name)} (${entry.role}${entry.expires ? `, expires ${entry.expires.slice(0, 10)}` : ''}), set strong ${now.slice(0, 10)}.`;
  } catch (err) {
    throw new UsageError(`the code was set, but the registry could not be saved (${refusal(err)}): record the holder in the card`);
  }
}

const setCodeCmd: Command = {
  name: 'set-code',
  summary: 'set a strong code on a lock through its own service and record who holds it (admins)',
  usage: `lock-sentinel set-code --url URL --token TOKEN --lock lock.x --slot N [--holder NAME] [--role ROLE] [--expires DATE]
  --url URL, --token TOKEN   Home Assistant (or env LOCK_SENTINEL_URL / LOCK_SENTINEL_TOKEN); an admin token
  --lock, --slot             the lock entity and the 1-based code slot
  --holder, --role, --expires   who holds the code (role: ${ROLES.join(', ')}), and when it expires
With no input, proposes a random 6-8 digit code and shows it once on the terminal. To choose the code, pipe it on
stdin (never as an argument): it must be 6-8 digits, strong by \`code-check\`'s rules, and not equal to any code on a
readable lock. The code is sent only in the lock's own service call (Z-Wave JS, ZHA, Zigbee2MQTT over MQTT, Matter),
and the slot is recorded as set strong in the registry the card uses.`,
  async run(args) {
    const p = parseArgs(args, [], ['url', 'token', 'lock', 'slot', 'holder', 'role', 'expires']);
    if (p.positional.length) throw new UsageError('set-code reads a chosen code from stdin, never from arguments (they would land in shell history)');
    const source = pickSource(p);
    if (source.kind !== 'live') throw new UsageError('set-code needs --url URL --token TOKEN');
    const req = request(p);
    const typed = await typedCode();
    // The strength rules first, before anything is sent anywhere.
    if (typed !== null) {
      const verdict = gateCode(typed, []);
      if (!verdict.ok) throw new UsageError(`refused: the code is not strong enough (${verdict.reasons.join(', ')})`);
    } else if (!process.stdout.isTTY) {
      throw new UsageError('a proposed code is shown on a terminal only: run set-code in a terminal, or pipe your own code on stdin');
    }
    await withHa(source.url, source.token, async (conn) => {
      process.stdout.write(`${await setCode(conn, req, typed)}\n`);
    });
    return 0;
  },
};
export default setCodeCmd;
