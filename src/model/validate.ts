// Checks a snapshot header's shape before anything reads it; errors are one line, meant for the user.
import type { SnapshotHeader } from './ha.js';

export class SnapshotError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const OPTIONAL_ARRAYS = ['entity_registry', 'device_registry', 'code_registry', 'users', 'automations', 'reviews', 'events'] as const;
const OPTIONAL_OBJECTS = ['usercodes', 'current_user', 'checklist'] as const;

export function validateHeader(h: unknown): asserts h is SnapshotHeader {
  if (!isObject(h)) throw new SnapshotError('snapshot is not a JSON object');
  if (h.version !== 1) throw new SnapshotError(`unsupported snapshot version ${JSON.stringify(h.version)} (expected 1)`);
  if (typeof h.captured_at !== 'string' || Number.isNaN(Date.parse(h.captured_at))) {
    throw new SnapshotError('snapshot "captured_at" must be an ISO date-time');
  }
  if (!isObject(h.config) || typeof h.config.time_zone !== 'string') throw new SnapshotError('snapshot "config.time_zone" must be a string');
  if (!Array.isArray(h.states)) throw new SnapshotError('snapshot "states" must be a list of HA state objects');
  h.states.forEach((s, i) => {
    if (!isObject(s) || typeof s.entity_id !== 'string' || typeof s.state !== 'string') {
      throw new SnapshotError(`snapshot "states[${i}]" is not an HA state object (entity_id and state strings)`);
    }
    if (s.attributes !== undefined && !isObject(s.attributes)) throw new SnapshotError(`snapshot "states[${i}].attributes" must be an object`);
  });
  for (const k of OPTIONAL_ARRAYS) {
    if (h[k] !== undefined && !Array.isArray(h[k])) throw new SnapshotError(`snapshot "${k}" must be a list`);
  }
  for (const k of OPTIONAL_OBJECTS) {
    if (h[k] !== undefined && !isObject(h[k])) throw new SnapshotError(`snapshot "${k}" must be an object`);
  }
  (h.code_registry as unknown[] | undefined)?.forEach((e, i) => {
    if (!isObject(e) || typeof e.lock !== 'string' || typeof e.slot !== 'number' || typeof e.name !== 'string') {
      throw new SnapshotError(`snapshot "code_registry[${i}]" needs lock (string), slot (number) and name (string)`);
    }
  });
  for (const [lock, slots] of Object.entries((h.usercodes ?? {}) as Record<string, unknown>)) {
    if (!isObject(slots)) throw new SnapshotError(`snapshot "usercodes.${lock}" must be an object keyed by slot`);
  }
}
