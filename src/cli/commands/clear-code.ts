// `lock-sentinel clear-code`: clears a code slot through the lock's own service (the call the card's "Delete code"
// and the guest-expiry automations send) and forgets the slot's record in the household's registry. No PIN involved.
import type { MessageBase } from 'home-assistant-js-websocket';
import { discoverLocks } from '../../adapters/discovery.js';
import { actionsOf } from '../../adapters/actions.js';
import { protocol } from '../../adapters/index.js';
import type { WsCall } from '../../adapters/protocol.js';
import { captureHeader } from '../../ha/capture.js';
import { send } from '../../ha/command.js';
import { SharedStore } from '../../ha/shared-store.js';
import type { SnapshotHeader } from '../../model/ha.js';
import { Masker } from '../../privacy/mask.js';
import { readableCodes, refusal } from '../../services/code-setter.js';
import { clearCodeServiceCall } from '../../services/clear-code.js';
import { parseArgs } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { withHa } from '../live.js';
import { pickSource } from '../source.js';
import { lockSlot, registryName } from './set-code.js';

/** Clears `slot` of `lock` in the house `header` describes, through `ws`; returns the line to print. */
export async function clearCode(header: SnapshotHeader, ws: WsCall, req: { lock: string; slot: number }): Promise<string> {
  // HA lets any user call these services; clearing codes is for the household's administrators.
  if (!header.current_user?.is_admin) throw new UsageError('clear-code needs an administrator\'s access token');
  const lock = discoverLocks(header).find((l) => l.entity_id === req.lock);
  if (!lock) throw new UsageError(`no lock ${req.lock} in this Home Assistant`);
  // Names from the house may carry a code: every one this command prints is masked.
  const mask = new Masker(readableCodes(header.usercodes));
  const lockName = mask.text(lock.name);
  const codes = actionsOf(lock.protocol).codes;
  if (!codes.clear) throw new UsageError(`${lockName} (${protocol(lock.protocol).title}) has no service that clears codes`);
  const known = await codes.options?.(ws, lock).catch(() => undefined);
  let call;
  try {
    call = clearCodeServiceCall(lock, req.slot, { deviceName: registryName(header, lock), ...known, haVersion: header.config.version });
  } catch (err) {
    throw new UsageError(`${lockName}: ${(err as Error).message}`);
  }
  try {
    await ws({ type: 'call_service', ...call });
  } catch (err) {
    throw new UsageError(`Home Assistant did not clear the code (${refusal(err)})`);
  }
  const store = new SharedStore(() => ({ callWS: ws }));
  let recorded: boolean;
  try {
    const shared = await store.load();
    const kept = shared.code_registry.filter((e) => !(e.lock === req.lock && e.slot === req.slot));
    recorded = kept.length !== shared.code_registry.length;
    if (recorded) await store.save({ ...shared, code_registry: kept });
  } catch (err) {
    throw new UsageError(`the code was cleared, but the registry could not be saved (${refusal(err)}): remove its holder in the card`);
  }
  return `${lockName} slot ${req.slot}: code cleared through ${call.domain}.${call.service}; ${recorded ? 'its registry record removed' : 'no registry record for it'}.`;
}

const clearCodeCmd: Command = {
  name: 'clear-code',
  summary: 'clear a code slot on a lock through its own service and forget who held it (admins)',
  usage: `lock-sentinel clear-code --url URL --token TOKEN --lock lock.x --slot N
  --url URL, --token TOKEN   Home Assistant (or env LOCK_SENTINEL_URL / LOCK_SENTINEL_TOKEN); an admin token
  --lock, --slot             the lock entity and the 1-based code slot
Clears the slot through the lock's own service (Z-Wave JS, ZHA, Zigbee2MQTT over MQTT, Matter on Home Assistant
2026.3+) and removes the slot's record from the registry the card uses.`,
  async run(args) {
    const p = parseArgs(args, [], ['url', 'token', 'lock', 'slot']);
    if (p.positional.length) throw new UsageError(`clear-code takes no arguments but flags (got ${p.positional.length})`);
    const source = pickSource(p);
    if (source.kind !== 'live') throw new UsageError('clear-code needs --url URL --token TOKEN');
    const req = lockSlot(p);
    await withHa(source.url, source.token, async (conn) => {
      const ws = (<T>(msg: { type: string }) => send<T>(conn, msg as MessageBase)) as WsCall;
      process.stdout.write(`${await clearCode(await captureHeader(conn, new Date()), ws, req)}\n`);
    });
    return 0;
  },
};
export default clearCodeCmd;
