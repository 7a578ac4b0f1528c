// A guest code's expiry: at the registered time the slot is cleared through the lock's own service, admins are told;
// loaded after that time (HA was down, a late install or reload), it acts once then.
import type { CodeRegistryEntry } from '../../model/ha.js';
import type { Lock } from '../../model/lock.js';
import { clearCodeServiceCall } from '../../services/clear-code.js';
import { alertActions } from '../alert.js';
import { catchUpTriggers, missedOnce, type Body } from '../body.js';
import { literal, literalData } from '../jinja.js';
import type { ConfigMap } from '../types.js';

/**
 * The service call as an action (strings made literal: a Zigbee2MQTT topic holds the device's name). Throws where the
 * lock's protocol has no clear service, or where `haVersion` lacks it (Matter before 2026.3) or is not known.
 */
export function clearAction(lock: Lock, slot: number, haVersion: string | undefined): ConfigMap {
  const call = clearCodeServiceCall(lock, slot, { haVersion });
  return {
    action: `${call.domain}.${call.service}`,
    ...(call.target ? { target: call.target } : {}),
    data: literalData(call.service_data) as ConfigMap,
  };
}

export function guestExpiry(lock: Lock, entry: CodeRegistryEntry, haVersion: string | undefined): Body {
  if (entry.expires === null) throw new Error(`Guest code ${entry.lock} slot ${entry.slot} has no expiry`);
  const at = new Date(entry.expires);
  if (Number.isNaN(at.getTime())) throw new Error(`Guest code ${entry.lock} slot ${entry.slot}: expiry ${JSON.stringify(entry.expires)} is not a date`);
  const iso = at.toISOString();
  return {
    kind: 'guest_expiry',
    title: `Guest code expiry (slot ${entry.slot})`,
    description: `Clears slot ${entry.slot} at ${iso} and tells the admins.`,
    mode: 'single',
    max_exceeded: 'silent',
    triggers: [{ trigger: 'template', value_template: `{{ now() >= as_datetime('${iso}') }}` }, ...catchUpTriggers()],
    conditions: [missedOnce(`as_datetime('${iso}')`)],
    actions: [
      clearAction(lock, entry.slot, haVersion),
      ...alertActions({
        title: 'Lock Sentinel: guest code expired',
        message: `${literal(lock.name)}: the guest code of ${literal(entry.name)} (slot ${entry.slot}) expired and was cleared.`,
      }),
    ],
  };
}
