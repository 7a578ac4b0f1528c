// Runs each record through its protocol's adapter and builds the one sorted access timeline.
import type { AccessEvent } from '../model/lock.js';
import type { EventStore } from '../store/event-store.js';
import type { LockIndex } from './discovery.js';
import type { Derived } from './types.js';
import { fromZwave } from './zwave-js.js';
import { fromZha } from './zha.js';
import { fromZigbee2mqtt } from './zigbee2mqtt.js';
import { fromLockState, fromTamperSensor } from './lock-state.js';

function derive(store: EventStore, index: LockIndex): Derived[] {
  const out: Derived[] = [];
  for (const r of store.records) {
    if (r.k === 'zwave') {
      const lock = index.byDevice.get(r.device);
      if (lock?.protocol === 'zwave_js') out.push(...fromZwave(r, lock));
    } else if (r.k === 'zha') {
      const lock = index.byDevice.get(r.device);
      if (lock?.protocol === 'zha') out.push(...fromZha(r, lock));
    } else if (r.entity.startsWith('lock.')) {
      const lock = index.byEntity.get(r.entity);
      if (lock) out.push(...fromLockState(r, lock));
    } else if (r.entity.startsWith('binary_sensor.')) {
      const lock = index.byRelated.get(r.entity);
      if (lock) out.push(...fromTamperSensor(r, lock));
    } else {
      const lock = index.byRelated.get(r.entity);
      if (lock && lock.action_entities.includes(r.entity)) out.push(...fromZigbee2mqtt(r, lock));
    }
  }
  return out;
}

/**
 * A state-derived unlock/lock/jam within `mergeMs` of the protocol's own report of the same kind on the same
 * lock is the same happening: the protocol event (which knows the slot and method) stands for both.
 */
function mergeStateEcho(events: Derived[], mergeMs: number): Derived[] {
  const protocolTimes = new Map<string, number[]>();
  for (const e of events) {
    if (e.fromState) continue;
    const key = `${e.lock}|${e.kind}`;
    const list = protocolTimes.get(key);
    if (list) list.push(e.time); else protocolTimes.set(key, [e.time]);
  }
  if (protocolTimes.size === 0) return events;
  for (const list of protocolTimes.values()) list.sort((a, b) => a - b);
  return events.filter((e) => {
    if (!e.fromState) return true;
    const list = protocolTimes.get(`${e.lock}|${e.kind}`);
    if (!list) return true;
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < e.time - mergeMs) lo = mid + 1; else hi = mid; }
    return !(lo < list.length && list[lo] <= e.time + mergeMs);
  });
}

export function buildTimeline(store: EventStore, index: LockIndex, mergeMs: number): AccessEvent[] {
  const merged = mergeStateEcho(derive(store, index), mergeMs);
  merged.sort((a, b) => a.time - b.time);
  return merged.map(({ fromState: _f, ...e }, seq) => ({ ...e, seq }));
}
