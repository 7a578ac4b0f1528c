// "Set this code in this slot of this lock": the one service call per protocol that carries a PIN. Pure.
// Nothing here logs, stores or returns the PIN anywhere but in the call it builds.
import type { Lock } from '../model/lock.js';
import { checkSlot, zigbee2mqttTopic, type ServiceCall } from './clear-code.js';

export interface SetCodeOptions {
  /** Zigbee2MQTT friendly name (the device's registry name); defaults to the lock's name. */
  mqttName?: string;
}

/**
 * The service call that sets `pin` in the 1-based `slot`. Z-Wave and ZHA take the 1-based slot; Zigbee2MQTT the raw
 * 0-based ZCL user id (the PIN as a string, so leading zeros survive); Matter the 1-based credential index (index 0
 * is the lock's programming PIN). Generic locks have no code service: they throw.
 */
export function setCodeServiceCall(lock: Lock, slot: number, pin: string, options: SetCodeOptions = {}): ServiceCall {
  checkSlot(slot);
  if (!/^\d{4,10}$/.test(pin)) throw new Error('A code must be 4-10 digits');
  const target = { entity_id: lock.entity_id };
  switch (lock.protocol) {
    case 'zwave_js':
      return { domain: 'zwave_js', service: 'set_lock_usercode', service_data: { code_slot: slot, usercode: pin }, target };
    case 'zha':
      return { domain: 'zha', service: 'set_lock_user_code', service_data: { code_slot: slot, user_code: pin }, target };
    case 'zigbee2mqtt':
      return {
        domain: 'mqtt',
        service: 'publish',
        service_data: {
          topic: `${zigbee2mqttTopic(lock, options.mqttName)}/set`,
          payload: JSON.stringify({ pin_code: { user: slot - 1, user_type: 'unrestricted', user_enabled: true, pin_code: pin } }),
          retain: false,
        },
      };
    case 'matter':
      return {
        domain: 'matter', service: 'set_lock_credential',
        service_data: { credential_type: 'pin', credential_data: pin, credential_index: slot },
        target, return_response: true,
      };
    default:
      throw new Error(`Setting a code is not supported for ${lock.protocol} lock ${lock.entity_id}`);
  }
}
