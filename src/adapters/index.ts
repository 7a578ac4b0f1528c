// The one list of protocols: how each is found (the entity registry platforms whose locks speak it) and its module.
// The store, the generator, the alert-coverage rule, the live feed, the capture and the card iterate the registered
// ones (PROTOCOLS). A new protocol is one module and one line in MANIFEST (and its actions, `<name>.actions.ts`, one
// line in actions.ts). The Node faces register every protocol (all.ts); the card registers its house's, loaded on
// demand (loadProtocols): a house without a Zigbee2MQTT lock never downloads what reads Zigbee2MQTT.
import type { LockIndex } from '../model/lock.js';
import { lockState } from './lock-state.js';
import type { Emit, Protocol, ProtocolId, StoredRecord } from './protocol.js';

/** Each protocol with a module of its own, in reading order (a record goes to the first protocol that reads it). */
const MANIFEST: readonly { id: ProtocolId; platforms: readonly string[]; load: () => Promise<Protocol> }[] = [
  { id: 'zwave_js', platforms: ['zwave_js'], load: () => import('./zwave-js.js').then((m) => m.zwaveJs) },
  { id: 'zha', platforms: ['zha'], load: () => import('./zha.js').then((m) => m.zha) },
  { id: 'zigbee2mqtt', platforms: ['mqtt'], load: () => import('./zigbee2mqtt.js').then((m) => m.zigbee2mqtt) },
  // Matter's lock states before every lock's: lock-state (the protocol every lock speaks) reads last.
  { id: 'matter', platforms: ['matter'], load: () => import('./matter.js').then((m) => m.matter) },
];
const ORDER: readonly ProtocolId[] = [...MANIFEST.map((m) => m.id), lockState.id];

const registered: Protocol[] = [lockState];
/** The registered protocols, in reading order (every protocol in the CLI; the house's in the card). */
export const PROTOCOLS: readonly Protocol[] = registered;

const BY_ID = new Map<ProtocolId, Protocol>([[lockState.id, lockState]]);

/** Makes protocols known to the engine (a protocol registered twice is one). */
export function register(...protocols: Protocol[]): void {
  for (const p of protocols) {
    if (BY_ID.has(p.id)) continue;
    BY_ID.set(p.id, p);
    registered.push(p);
  }
  registered.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
}

/** The protocol every lock speaks besides its own: its lock entity's states and its device's problem sensors. */
export const STATE_PROTOCOL: Protocol = lockState;

/** A registered protocol by id (the lock-state protocol for none, an unknown or an unregistered id). */
export function protocol(id: ProtocolId | null | undefined): Protocol {
  return (id && BY_ID.get(id)) || STATE_PROTOCOL;
}

/** The protocol of an entity registry platform (`generic` for every other integration), registered or not. */
export function protocolOfPlatform(platform: string | undefined): ProtocolId {
  return (platform && MANIFEST.find((m) => m.platforms.includes(platform))?.id) || lockState.id;
}

const loading = new Map<ProtocolId, Promise<void>>();

/**
 * Loads and registers the protocols of these registry platforms that are not registered yet; null when none is
 * missing (nothing to wait for). A load that failed (a dropped connection) is tried again by the next call.
 */
export function loadProtocols(platforms: readonly (string | undefined)[]): Promise<void> | null {
  const missing = MANIFEST.filter((m) => !BY_ID.has(m.id) && platforms.some((p) => p !== undefined && m.platforms.includes(p)));
  if (!missing.length) return null;
  return Promise.all(missing.map((m) => {
    let p = loading.get(m.id);
    if (!p) {
      p = m.load().then(register, (err: unknown) => {
        loading.delete(m.id);
        throw err;
      });
      loading.set(m.id, p);
    }
    return p;
  })).then(() => undefined);
}

/** HA bus event types the registered protocols read (admin-only subscriptions; state changes come separately). */
export function lockEventTypes(): string[] {
  return [...new Set(registered.flatMap((p) => p.eventTypes))];
}

/** The access events one record means, for the lock it belongs to (none for records of unknown devices). */
export function deriveRecord(r: StoredRecord, index: LockIndex, emit: Emit): void {
  for (const p of registered) if (p.toAccess(r, index, emit)) return;
}

/** What only other entities' states know (e.g. Zigbee2MQTT's user and source sensors), filled in before evaluation. */
export function enrichAccess(...args: Parameters<NonNullable<Protocol['enrich']>>): void {
  for (const p of registered) p.enrich?.(...args);
}
