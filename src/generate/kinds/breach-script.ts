// The "suspected breach" script, run by hand: lock every lock, clear every guest code, notify.
import type { CodeRegistryEntry } from '../../model/ha.js';
import type { Lock } from '../../model/lock.js';
import { alertActions } from '../alert.js';
import type { ConfigMap, ScriptConfig } from '../types.js';
import { clearAction } from './guest-expiry.js';

export function breachScript(locks: Lock[], registry: CodeRegistryEntry[], notify: string[], haVersion: string | undefined): ScriptConfig {
  const byId = new Map(locks.map((l) => [l.entity_id, l]));
  const clears: ConfigMap[] = [];
  for (const e of registry) {
    const lock = byId.get(e.lock);
    if (e.role !== 'guest' || !lock) continue;
    try {
      clears.push({ ...clearAction(lock, e.slot, haVersion), continue_on_error: true });
    } catch {
      // Locks without a clear service on this HA (generic; Matter before 2026.3) keep their codes; the notification says to check them.
    }
  }
  return {
    alias: 'Lock Sentinel: suspected breach',
    description: '[lock-sentinel] Run by hand when a breach is suspected: locks every lock, clears guest codes, notifies.',
    mode: 'single',
    icon: 'mdi:shield-lock',
    sequence: [
      { variables: { notify_targets: notify } },
      ...(locks.length ? [{ action: 'lock.lock', target: { entity_id: locks.map((l) => l.entity_id) }, continue_on_error: true }] : []),
      ...clears,
      ...alertActions({
        title: 'Lock Sentinel: suspected breach',
        message: `Breach response ran: ${locks.length} locks locked, ${clears.length} guest codes cleared.`
          + ' Check every lock, change the codes of everyone who had one, review the access log.',
        critical: true,
      }),
    ],
  };
}
