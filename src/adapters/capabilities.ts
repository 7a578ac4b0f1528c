// What each protocol lets Lock Sentinel know, keyed by protocol: the one table the rules and the scorecard ask
// "can this lock's codes be read?", "does it report wrong codes?", "does it report tampering?".
// Each protocol's facts live in its adapter module; this file only collects them.
import type { Protocol } from '../model/lock.js';
import { zwaveJsCapabilities } from './zwave-js.js';
import { zhaCapabilities } from './zha.js';
import { zigbee2mqttCapabilities } from './zigbee2mqtt.js';
import { genericCapabilities, matterCapabilities } from './lock-state.js';

/** `read`: the PINs can be read back; `write-only`: codes can be set and cleared, never read; `none`: no code service. */
export type CodeAccess = 'read' | 'write-only' | 'none';

/**
 * How a protocol's reports reach the audit: `events` through its own HA events (live only: the recorder's history
 * API does not return them), `states` through entity states (in the history), `none` never.
 */
export type Channel = 'events' | 'states' | 'none';

export interface Capabilities {
  /** The protocol's name in evidence ("ZHA: codes cannot be read back"). */
  name: string;
  codes: CodeAccess;
  /** Wrong code entries (one by one). */
  failures: Channel;
  /** Tampering, besides a tamper sensor on the lock's device. */
  tamper: Channel;
}

export const CAPABILITIES: Readonly<Record<Protocol, Capabilities>> = Object.freeze({
  zwave_js: zwaveJsCapabilities,
  zha: zhaCapabilities,
  zigbee2mqtt: zigbee2mqttCapabilities,
  matter: matterCapabilities,
  generic: genericCapabilities,
});
