// The card's "Set a new code" (admins): the steps of src/services/code-setter.ts with the card's hass and session.
// No DOM. Loads with the dialog, on demand. The PIN is a parameter or a local here and goes only into the one
// service call; a proposed code is returned once for the dialog to show.
import { actionsOf } from '../../src/adapters/actions.js';
import { TimeZone } from '../../src/time/zone.js';
import { checkHolder, choosePin, readableCodes, refusal, registryEntry, sendCode, withEntry } from '../../src/services/code-setter.js';
import { setCodeServiceCall } from '../../src/services/set-code.js';
import { codeSet } from './data/admin-session.js';
import type { HomeAssistant } from './data/hass.js';
import type { AuditSession } from './data/session.js';
import { readUsercodes } from '../../src/ha/admin-data.js';

/** What the admin entered in the dialog. `typed` null: propose a code. */
export interface SetCodeForm {
  slot: number;
  holder: string;
  role: string;
  /** YYYY-MM-DD or '' (never). */
  expires: string;
  typed: string | null;
}

export type SetCodeOutcome =
  | { kind: 'refused'; reasons: string[] }
  | { kind: 'failed'; message: string }
  /** `proposed`: the code Lock Sentinel chose, to be shown once (null when the admin typed it). */
  | { kind: 'set'; proposed: string | null; service: string; holder: string; registryError: string | null };

/** Every lock of the house whose protocol can set a code. */
export function canSetCode(session: Pick<AuditSession, 'allLocks'>, lockId: string): boolean {
  const lock = session.allLocks.find((l) => l.entity_id === lockId);
  return !!lock && typeof actionsOf(lock.protocol).codes.set === 'function';
}

/** Reads the codes of every readable lock of the house now (a new code must differ from each). */
async function codesNow(hass: HomeAssistant, session: Pick<AuditSession, 'allLocks'>): Promise<{ codes: string[]; unread: string[] }> {
  const readable = session.allLocks.filter((l) => actionsOf(l.protocol).codes.read);
  const sub = hass.connection.subscribeMessage?.bind(hass.connection);
  const { codes: all, failed } = await readUsercodes((msg) => hass.callWS(msg), readable, sub ? { subscribe: (msg, onEvent) => sub(onEvent, msg) } : {});
  // A readable lock whose read failed cannot be compared with: named, so a typed code is refused.
  const unread = readable.filter((l) => failed.includes(l.entity_id)).map((l) => l.name);
  return { codes: readableCodes(all), unread };
}

export async function setCodeFromCard(hass: HomeAssistant, session: AuditSession, lockId: string, form: SetCodeForm): Promise<SetCodeOutcome> {
  if (!session.isAdmin) return { kind: 'refused', reasons: ['setting codes is for administrators'] };
  if (!Number.isInteger(form.slot) || form.slot < 1 || form.slot > 254) return { kind: 'refused', reasons: ['the slot must be a whole number from 1 to 254'] };
  // A typed expiry is read in Home Assistant's zone, as the audit reads the registry (not the browser's zone).
  const who = checkHolder(form, new TimeZone(hass.config.time_zone));
  if (!who.ok) return { kind: 'refused', reasons: [who.reason] };
  const lock = session.allLocks.find((l) => l.entity_id === lockId);
  if (!lock || !canSetCode(session, lockId)) return { kind: 'refused', reasons: ['this lock has no service that sets codes'] };

  const { codes, unread } = await codesNow(hass, session);
  const choice = choosePin(form.typed, codes, unread);
  if (!choice.ok) return { kind: 'refused', reasons: choice.reasons };

  const device = lock.device_id ? hass.devices?.[lock.device_id] : undefined;
  let service: string;
  try {
    const known = await actionsOf(lock.protocol).codes.options?.((msg) => hass.callWS(msg), lock).catch(() => undefined);
    const call = setCodeServiceCall(lock, form.slot, choice.pin, { deviceName: device?.name ?? undefined, ...known, haVersion: hass.config.version });
    service = `${call.domain}.${call.service}`;
    await sendCode((c) => hass.callWS({ type: 'call_service', ...c }), call, choice.pin);
  } catch (err) {
    return { kind: 'failed', message: refusal(err, choice.pin) };
  }

  const now = new Date().toISOString();
  let registryError: string | null = null;
  let holder = '';
  try {
    await session.updateShared((d) => {
      const entry = registryEntry(d.code_registry.find((e) => e.lock === lockId && e.slot === form.slot), lockId, form.slot, who.value, now);
      holder = entry.name;
      return { ...d, code_registry: withEntry(d.code_registry, entry) };
    });
  } catch (err) {
    registryError = refusal(err, choice.pin);
  }
  await codeSet(session, lockId, form.slot).catch(() => undefined);
  return { kind: 'set', proposed: choice.proposed ? choice.pin : null, service, holder, registryError };
}
