// Entities on a lock's device that the lock model does not name but alerts need.
import type { SnapshotHeader } from '../model/ha.js';
import type { Lock } from '../model/lock.js';

/** Per lock: binary sensors on its device that report a jam (zwave_js: `binary_sensor.<lock>_lock_jammed`). */
export function findJamSensors(header: SnapshotHeader, locks: Lock[]): Record<string, string[]> {
  const onDevice = new Map<string, string[]>();
  for (const e of header.entity_registry ?? []) {
    if (!e.device_id || !e.entity_id.startsWith('binary_sensor.') || e.disabled_by) continue;
    onDevice.set(e.device_id, [...(onDevice.get(e.device_id) ?? []), e.entity_id]);
  }
  const jamLike = new Set(header.states.filter((s) => s.entity_id.startsWith('binary_sensor.')
    && (/jam/i.test(s.entity_id) || /jam/i.test(String(s.attributes?.friendly_name ?? '')))).map((s) => s.entity_id));
  const out: Record<string, string[]> = {};
  for (const l of locks) {
    const found = (l.device_id ? onDevice.get(l.device_id) ?? [] : []).filter((id) => jamLike.has(id)).sort();
    if (found.length) out[l.entity_id] = found;
  }
  return out;
}
