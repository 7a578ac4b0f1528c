// Each protocol's actions (ProtocolActions: the generated alerts' triggers and Jinja, blueprint inputs, code
// services), by protocol id. Only the generator, the code services and the admin data reader import this, so the
// card loads the actions with them, on demand. PROTOCOLS (index.ts) stays the one list of protocols; the Record type
// makes every protocol id name its actions here.
import { lockStateActions } from './lock-state.actions.js';
import { matterActions } from './matter.actions.js';
import type { ProtocolActions, ProtocolId } from './protocol.js';
import { zhaActions } from './zha.actions.js';
import { zigbee2mqttActions } from './zigbee2mqtt.actions.js';
import { zwaveJsActions } from './zwave-js.actions.js';

const ACTIONS: Record<ProtocolId, ProtocolActions> = {
  zwave_js: zwaveJsActions, zha: zhaActions, zigbee2mqtt: zigbee2mqttActions, matter: matterActions, generic: lockStateActions,
};

/**
 * What Lock Sentinel makes HA do for a protocol (none or an unknown id: the lock-state module's). By id, whether or
 * not the protocol is registered (index.ts): the actions bring what they need of their protocol's module.
 */
export function actionsOf(id: ProtocolId | null | undefined): ProtocolActions {
  return id && Object.hasOwn(ACTIONS, id) ? ACTIONS[id] : ACTIONS.generic;
}
