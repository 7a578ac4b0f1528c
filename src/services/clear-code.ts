// "Clear this code slot on this lock": the one service call per protocol. Pure; no PIN involved.
import type { Lock } from '../model/lock.js';

export interface ServiceCall {
  domain: string;
  service: string;
  service_data: Record<string, unknown>;
  target?: { entity_id: string };
  /** The service answers with data (Matter's credential services); HA then requires asking for it. */
  return_response?: boolean;
}

export interface ClearCodeOptions {
  /** Zigbee2MQTT friendly name (the device's registry name); defaults to the lock's name. */
  mqttName?: string;
}

export function checkSlot(slot: number): void {
  if (!Number.isInteger(slot) || slot < 1 || slot > 254) {
    throw new Error(`Code slot must be a whole number from 1 to 254, got ${String(slot)}`);
  }
}

/** `zigbee2mqtt/<friendly name>`: the device's registry name (Zigbee2MQTT's friendly name), else the lock's name. */
export function zigbee2mqttTopic(lock: Lock, mqttName?: string): string {
  const name = (mqttName ?? lock.name).trim();
  if (!name || /[#+]/.test(name)) throw new Error(`Lock ${lock.entity_id} has no usable Zigbee2MQTT name`);
  return `zigbee2mqtt/${name}`;
}

/**
 * The service call that clears one 1-based code slot.
 * Z-Wave and ZHA take the 1-based slot; Zigbee2MQTT takes the raw 0-based ZCL user id.
 * Matter and generic locks have no slot-clearing service that is safe to call: they throw.
 */
export function clearCodeServiceCall(lock: Lock, slot: number, options: ClearCodeOptions = {}): ServiceCall {
  checkSlot(slot);
  const target = { entity_id: lock.entity_id };
  switch (lock.protocol) {
    case 'zwave_js':
      return { domain: 'zwave_js', service: 'clear_lock_usercode', service_data: { code_slot: slot }, target };
    case 'zha':
      return { domain: 'zha', service: 'clear_lock_user_code', service_data: { code_slot: slot }, target };
    case 'zigbee2mqtt':
      return {
        domain: 'mqtt',
        service: 'publish',
        service_data: {
          topic: `${zigbee2mqttTopic(lock, options.mqttName)}/set`,
          payload: JSON.stringify({ pin_code: { user: slot - 1, pin_code: null } }),
        },
      };
    default:
      throw new Error(`Clearing a code is not supported for ${lock.protocol} lock ${lock.entity_id}`);
  }
}
