// The administrator's side of the card's audit (data/session.ts): codes read from the locks and their verdicts, a
// code set or cleared through the lock's protocol, the alert automations generated and installed. Loaded on an
// admin's first use, never with every dashboard.
import { actionsOf } from '../../../src/adapters/actions.js';
import type { ReadOptions } from '../../../src/adapters/protocol.js';
import { automationConfigs, readAdminData, readUsercodes } from '../../../src/ha/admin-data.js';
import type { CodeRegistryEntry, HassState, UsercodeResponse } from '../../../src/model/ha.js';
import { slotKey, type Lock } from '../../../src/model/lock.js';
import type { InstallResult } from '../../../src/generate/installer.js';
import type { Thresholds } from '../../../src/thresholds.js';
import type { CodeCheck } from '../../../src/rules/code-strength.js';
import type { AdminRules } from '../../../src/rules/rules.js';
import type { AdminData, SharedData } from './header.js';
import type { HomeAssistant } from './hass.js';
import type { Notice } from './session.js';

/**
 * After a code is set, HA may answer the next read from its cache before the lock's report reaches it (HA 2026.11):
 * the card reads the slot again, this often, until the read differs from the one before the set, for at most this long.
 */
export const CODE_SET_REREAD = { everyMs: 500, forMs: 10_000 };

/** What the admin's side reads and changes of the session. */
export interface AdminHost {
  readonly hass: () => HomeAssistant;
  readonly locks: Lock[];
  readonly allLocks: Lock[];
  readonly shared: SharedData;
  readonly thresholds: Readonly<Thresholds>;
  readonly notices: Set<Notice>;
  readonly inUse: Map<string, number[]>;
  readonly verdicts: Map<string, CodeCheck>;
  readonly usercodeLocks: Set<string>;
  /** Code registry entries as shown (a code in a holder's name masked): what the alerts are generated from. */
  readonly registryShown: CodeRegistryEntry[];
  /** Locks whose codes read failed, with the lock's state then; locks whose codes were tried. */
  readonly codesFailed: Map<string, HassState | undefined>;
  readonly codesTried: Set<string>;
  readonly running: boolean;
  readonly isAdmin: boolean;
  admin: AdminData;
  adminRules: AdminRules | null;
  /** The admin read failed as a whole (its notice stays). */
  adminFailed: boolean;
  /** A read of codes the card could not read before is under way (one at a time). */
  codesRetrying: boolean;
  refresh(): void;
  /** After a load in the background: the audit and the card take what it brought. */
  settle(): void;
  updateShared(change: (d: SharedData) => SharedData): Promise<void>;
}

/** The rules over codes, users and automations: loaded before any of these reaches the Auditor. */
async function loadAdminRules(s: AdminHost): Promise<void> {
  s.adminRules ??= (await import('../../../src/rules/admin.js')).ADMIN_RULES;
}

/** HA's message subscription, where the connection has one (Zigbee2MQTT's codes arrive over MQTT). */
function subscriber(hass: HomeAssistant): ReadOptions {
  const sub = hass.connection.subscribeMessage?.bind(hass.connection);
  return sub ? { subscribe: (msg, onEvent) => sub(onEvent, msg) } : {};
}

/** Reads what only an admin may (codes, users, automations) with the rules over it; a failure is a notice. */
export async function loadAdminData(s: AdminHost): Promise<void> {
  const hass = s.hass();
  for (const lock of s.locks) s.codesTried.add(lock.entity_id);
  let admin: Awaited<ReturnType<typeof readAdminData>>;
  try {
    await loadAdminRules(s);
    admin = await readAdminData((msg) => hass.callWS(msg), Object.values(hass.states), s.locks, subscriber(hass));
  } catch {
    s.adminFailed = true;
    s.notices.add('usercodes_failed');
    return;
  }
  const { codesFailed, ...data } = admin;
  for (const lock of codesFailed) s.codesFailed.set(lock, hass.states[lock]);
  if (codesFailed.length) s.notices.add('usercodes_failed');
  for (const [lock, resp] of Object.entries(data.usercodes ?? {})) await showCodes(s, lock, resp);
  s.admin = data;
}

/** The card's view of one lock's codes read: slots in use and their verdicts (the codes stay in `admin`). */
async function showCodes(s: AdminHost, lock: string, resp: UsercodeResponse): Promise<void> {
  const { summarizeUsercodes } = await import('./usercodes.js');
  const { slots, verdicts } = summarizeUsercodes(resp);
  s.inUse.set(lock, slots);
  s.usercodeLocks.add(lock);
  for (const key of [...s.verdicts.keys()]) if (key.startsWith(`${lock}|`)) s.verdicts.delete(key);
  for (const [slot, v] of verdicts) s.verdicts.set(slotKey(lock, slot), v);
}

/**
 * Reads `locks`' codes now (those whose protocol can) and takes what they answer; returns their answers. A lock whose
 * read fails is read again once it is back (the session's catchUp); the notice goes once every lock's read succeeded.
 */
export async function readCodes(s: AdminHost, locks: Lock[]): Promise<Record<string, UsercodeResponse>> {
  const hass = s.hass();
  for (const lock of locks) s.codesTried.add(lock.entity_id);
  const readable = locks.filter((l) => actionsOf(l.protocol).codes.read);
  if (!readable.length) return {};
  await loadAdminRules(s);
  const { codes, failed, ranges } = await readUsercodes((msg) => hass.callWS(msg), readable, subscriber(hass));
  for (const lock of readable) if (!failed.includes(lock.entity_id)) s.codesFailed.delete(lock.entity_id);
  for (const lock of failed) s.codesFailed.set(lock, hass.states[lock]);
  if (failed.length) s.notices.add('usercodes_failed');
  else if (!s.codesFailed.size && !s.adminFailed) s.notices.delete('usercodes_failed');
  for (const [lockId, resp] of Object.entries(codes)) {
    await showCodes(s, lockId, resp);
    const { [lockId]: _old, ...otherRanges } = s.admin.usercode_slots ?? {};
    const slots = ranges[lockId] ? { ...otherRanges, [lockId]: ranges[lockId] } : otherRanges;
    s.admin = { ...s.admin, usercodes: { ...s.admin.usercodes, [lockId]: resp }, usercode_slots: slots };
  }
  return codes;
}

/** A state that says the lock is not there to answer (HA starting, the lock's integration or radio down). */
const absent = (state: string | undefined) => state === undefined || state === 'unavailable' || state === 'unknown';

/**
 * The codes the card could not read when it started (HA still starting: locks not there yet, or not answering): read
 * once their lock is available again, as is a lock that appeared since. One such read at a time.
 */
export function catchUpCodes(s: AdminHost): void {
  if (s.codesRetrying) return;
  const states = s.hass().states;
  const failedBefore = (id: string) => s.codesFailed.has(id) && states[id] !== s.codesFailed.get(id);
  const back = s.locks.filter((l) => (failedBefore(l.entity_id) || !s.codesTried.has(l.entity_id))
    && !absent(states[l.entity_id]?.state));
  if (!back.length) return;
  s.codesRetrying = true;
  void readCodes(s, back).finally(() => {
    s.codesRetrying = false;
    s.settle();
  });
}

/**
 * After a code was set on a lock of the card: its old verdict is gone; a readable lock's codes are read again. HA may
 * still answer from its cache (the old code): while the slot reads as it did before the set, it is read again in the
 * background (CODE_SET_REREAD). Only the slot's read before the set is compared, never the new PIN; a slot that read
 * in use without a PIN (a protocol that shows none) has nothing to compare: one read.
 */
export async function codeSet(s: AdminHost, lockId: string, slot: number): Promise<void> {
  const before = s.admin.usercodes?.[lockId]?.[String(slot)];
  s.verdicts.delete(slotKey(lockId, slot));
  const lock = s.locks.find((l) => l.entity_id === lockId);
  if (!lock || !s.isAdmin || !actionsOf(lock.protocol).codes.read) return;
  const until = Date.now() + CODE_SET_REREAD.forMs;
  const comparable = before !== undefined && !(before.in_use && !before.usercode);
  const stale = (codes: Record<string, UsercodeResponse>) => {
    const now = codes[lockId]?.[String(slot)];
    return comparable && now !== undefined && now.usercode === before.usercode && now.in_use === before.in_use;
  };
  let codes = await readCodes(s, [lock]);
  s.refresh();
  if (!stale(codes)) return;
  void (async () => {
    while (s.running && stale(codes) && Date.now() + CODE_SET_REREAD.everyMs <= until) {
      await new Promise((r) => setTimeout(r, CODE_SET_REREAD.everyMs));
      if (!s.running) return;
      codes = await readCodes(s, [lock]).catch(() => ({}));
      s.settle();
    }
  })();
}

/** Generates the alert automations for every lock of the house and installs them in HA (admins with HA's REST API). */
export async function installAlerts(s: AdminHost, notify: string[]): Promise<InstallResult> {
  const hass = s.hass();
  if (!s.isAdmin || !hass.callApi) throw new Error('Installing alerts needs an administrator');
  // The generator loads as its own chunk, on this click.
  const [{ generate }, { install }, { hassRest }] = await Promise.all([
    import('../../../src/generate/generate.js'), import('../../../src/generate/installer.js'), import('./rest.js'),
  ]);
  const version = hass.config.version;
  const gen = generate({
    locks: s.allLocks, registry: s.registryShown, notify, thresholds: s.thresholds,
    haVersion: typeof version === 'string' ? version : undefined,
  });
  const result = await install(hassRest(hass.callApi.bind(hass)), gen, notify);
  // The automations as HA has them now (the install waited for them to load): the states of this moment, not of the click.
  const now = s.hass();
  const automations = await loadAdminRules(s)
    .then(() => automationConfigs((msg) => now.callWS(msg), Object.values(now.states))).catch(() => undefined);
  s.admin = { ...s.admin, automations };
  s.refresh();
  return result;
}

/** Clears a code through the lock's protocol service and forgets its registry record. */
export async function clearCode(s: AdminHost, lockId: string, slot: number): Promise<void> {
  const lock = s.locks.find((l) => l.entity_id === lockId);
  if (!lock) throw new Error(`Unknown lock ${lockId}`);
  const hass = s.hass();
  const device = lock.device_id ? hass.devices?.[lock.device_id] : undefined;
  const { clearCodeServiceCall } = await import('../../../src/services/clear-code.js');
  const known = await actionsOf(lock.protocol).codes.options?.((msg) => hass.callWS(msg as { type: string }), lock).catch(() => undefined);
  const call = clearCodeServiceCall(lock, slot, { deviceName: device?.name ?? undefined, ...known, haVersion: hass.config.version });
  await hass.callWS({ type: 'call_service', ...call });
  s.inUse.set(lockId, (s.inUse.get(lockId) ?? []).filter((x) => x !== slot));
  s.verdicts.delete(slotKey(lockId, slot));
  const codes = s.admin.usercodes?.[lockId];
  if (codes?.[String(slot)]) codes[String(slot)] = { usercode: '', in_use: false };
  await s.updateShared((d) => ({ ...d, code_registry: d.code_registry.filter((e) => !(e.lock === lockId && e.slot === slot)) }));
}
