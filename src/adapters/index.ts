// The one list of protocols. The store, the generator, the alert-coverage rule, the live feed, the capture and the
// card iterate it. A new protocol is one module and one line here (and its actions, `<name>.actions.ts`, one line
// in actions.ts: the generator and the code services read them; the card loads them on demand).
import type { LockIndex } from '../model/lock.js';
import { lockState } from './lock-state.js';
import { matter } from './matter.js';
import type { Emit, Protocol, ProtocolId, StoredRecord } from './protocol.js';
import { zha } from './zha.js';
import { zigbee2mqtt } from './zigbee2mqtt.js';
import { zwaveJs } from './zwave-js.js';

/** In reading order: a record goes to the first protocol that reads it (Matter's lock states before every lock's). */
export const PROTOCOLS: readonly Protocol[] = [zwaveJs, zha, zigbee2mqtt, matter, lockState];

const BY_ID = new Map<ProtocolId, Protocol>(PROTOCOLS.map((p) => [p.id, p]));

/** The protocol every lock speaks besides its own: its lock entity's states and its device's problem sensors. */
export const STATE_PROTOCOL: Protocol = lockState;

/** A protocol by id (the lock-state protocol for none or an unknown id). */
export function protocol(id: ProtocolId | null | undefined): Protocol {
  return (id && BY_ID.get(id)) || STATE_PROTOCOL;
}

/** The protocol of an entity registry platform (`generic` for every other integration). */
export function protocolOfPlatform(platform: string | undefined): ProtocolId {
  return (platform && PROTOCOLS.find((p) => p.platforms.includes(platform))?.id) || lockState.id;
}

/** HA bus event types the protocols read (admin-only subscriptions; state changes come separately). */
export const LOCK_EVENT_TYPES: readonly string[] = [...new Set(PROTOCOLS.flatMap((p) => p.eventTypes))];

/** The access events one record means, for the lock it belongs to (none for records of unknown devices). */
export function deriveRecord(r: StoredRecord, index: LockIndex, emit: Emit): void {
  for (const p of PROTOCOLS) if (p.toAccess(r, index, emit)) return;
}

/** What only other entities' states know (e.g. Zigbee2MQTT's user and source sensors), filled in before evaluation. */
export function enrichAccess(...args: Parameters<NonNullable<Protocol['enrich']>>): void {
  for (const p of PROTOCOLS) p.enrich?.(...args);
}

