// The administrator's side of the card's audit (data/session.ts): codes read from the locks and their verdicts, a
// code set or cleared through the lock's protocol, the alert automations generated and installed. Loaded on an
// admin's first use, never with every dashboard.
import { actionsOf } from '../../../src/adapters/actions.js';
import type { ReadOptions } from '../../../src/adapters/protocol.js';
import { automationConfigs, readAdminData, readUsercodes } from '../../../src/ha/admin-data.js';
import type { UsercodeResponse } from '../../../src/model/ha.js';
import { slotKey, type Lock } from '../../../src/model/lock.js';
import type { InstallResult } from '../../../src/generate/installer.js';
import type { Thresholds } from '../../../src/thresholds.js';
import type { CodeCheck } from '../../../src/rules/code-strength.js';
import type { AdminRules } from '../../../src/rules/rules.js';
import type { AdminData, SharedData } from './header.js';
import type { HomeAssistant } from './hass.js';
import type { Notice } from './session.js';

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
  admin: AdminData;
  adminRules: AdminRules | null;
  refresh(): void;
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
  let admin: Awaited<ReturnType<typeof readAdminData>>;
  try {
    await loadAdminRules(s);
    admin = await readAdminData((msg) => hass.callWS(msg), Object.values(hass.states), s.locks, subscriber(hass));
  } catch {
    s.notices.add('usercodes_failed');
    return;
  }
  const { codesFailed, ...data } = admin;
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

/** After a code was set on a lock of the card: a readable lock's codes are read again. */
export async function codeSet(s: AdminHost, lock: Lock): Promise<void> {
  if (!actionsOf(lock.protocol).codes.read) return;
  const hass = s.hass();
  await loadAdminRules(s);
  const lockId = lock.entity_id;
  const { codes, failed, ranges } = await readUsercodes((msg) => hass.callWS(msg), [lock], subscriber(hass));
  if (failed.length) s.notices.add('usercodes_failed');
  const resp = codes[lockId];
  if (resp) {
    await showCodes(s, lockId, resp);
    const { [lockId]: _old, ...otherRanges } = s.admin.usercode_slots ?? {};
    const slots = ranges[lockId] ? { ...otherRanges, [lockId]: ranges[lockId] } : otherRanges;
    s.admin = { ...s.admin, usercodes: { ...s.admin.usercodes, [lockId]: resp }, usercode_slots: slots };
  }
  s.refresh();
}

/** Generates the alert automations for every lock of the house and installs them in HA. */
export async function installAlerts(s: AdminHost, notify: string[]): Promise<InstallResult> {
  const hass = s.hass();
  if (!hass.callApi) throw new Error('Installing alerts needs an administrator');
  // The generator loads as its own chunk, on this click.
  const [{ generate }, { install }, { hassRest }] = await Promise.all([
    import('../../../src/generate/generate.js'), import('../../../src/generate/installer.js'), import('./rest.js'),
  ]);
  const gen = generate({ locks: s.allLocks, registry: s.shared.code_registry, notify, thresholds: s.thresholds });
  const result = await install(hassRest(hass.callApi.bind(hass)), gen, notify);
  const automations = await loadAdminRules(s)
    .then(() => automationConfigs((msg) => hass.callWS(msg), Object.values(hass.states))).catch(() => undefined);
  s.admin = { ...s.admin, automations };
  s.refresh();
  return result;
}

/** Clears a code through the lock's protocol service and forgets its registry record. */
export async function clearCode(s: AdminHost, lock: Lock, slot: number): Promise<void> {
  const hass = s.hass();
  const device = lock.device_id ? hass.devices?.[lock.device_id] : undefined;
  const { clearCodeServiceCall } = await import('../../../src/services/clear-code.js');
  const known = await actionsOf(lock.protocol).codes.options?.((msg) => hass.callWS(msg as { type: string }), lock).catch(() => undefined);
  const call = clearCodeServiceCall(lock, slot, { deviceName: device?.name ?? undefined, ...known });
  await hass.callWS({ type: 'call_service', ...call });
  const lockId = lock.entity_id;
  s.inUse.set(lockId, (s.inUse.get(lockId) ?? []).filter((x) => x !== slot));
  s.verdicts.delete(slotKey(lockId, slot));
  const codes = s.admin.usercodes?.[lockId];
  if (codes?.[String(slot)]) codes[String(slot)] = { usercode: '', in_use: false };
  await s.updateShared((d) => ({ ...d, code_registry: d.code_registry.filter((e) => !(e.lock === lockId && e.slot === slot)) }));
}
