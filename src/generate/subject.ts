// Turns a discovered lock (or a blueprint's inputs) into the Subject every builder reads.
import type { CodeRegistryEntry } from '../model/ha.js';
import type { Lock } from '../model/lock.js';
import { actionsOf } from '../adapters/actions.js';
import { PROTOCOLS } from '../adapters/index.js';
import { DEVICE_ID } from '../model/validate.js';
import { entityId, jinjaString } from './jinja.js';
import { Input, type ConfigMap, type Subject } from './types.js';

export function lockSubject(lock: Lock, registry: CodeRegistryEntry[]): Subject {
  if (lock.device_id !== null && !DEVICE_ID.test(lock.device_id)) {
    // Checked at the snapshot boundary already; the id is house text, never quoted.
    throw new Error(`Lock ${lock.entity_id} has an unexpected device id`);
  }
  const holders: Record<string, string> = {};
  for (const e of registry) if (e.lock === lock.entity_id) holders[String(e.slot)] = e.name;
  return {
    protocols: [lock.protocol],
    lock: entityId(lock.entity_id),
    device: lock.device_id,
    actionEntities: PROTOCOLS.flatMap((p) => actionsOf(p.id).subject?.(lock).actionEntities ?? []).map(entityId),
    tamperEntities: lock.sensors.tamper.map(entityId),
    jamEntities: lock.sensors.jam.map(entityId),
    lockoutEntities: lock.sensors.keypad_disabled.map(entityId),
    battery: lock.battery_entity ? entityId(lock.battery_entity) : null,
    firmware: lock.firmware ? entityId(lock.firmware.entity_id) : null,
    nameExpr: jinjaString(lock.name),
    holders,
  };
}

/** A blueprint's subject: every protocol, the lock and its entities chosen by the user. */
export function blueprintSubject(): Subject {
  return {
    protocols: PROTOCOLS.map((p) => p.id),
    lock: new Input('lock'),
    device: null,
    actionEntities: new Input('action_entities'),
    tamperEntities: new Input('tamper_entities'),
    jamEntities: new Input('jam_entities'),
    lockoutEntities: new Input('lockout_entities'),
    battery: new Input('battery'),
    firmware: new Input('firmware'),
    nameExpr: "(state_attr(lock, 'friendly_name') or lock)",
    holders: null,
  };
}

/** The variables every lock automation starts with; templates refer to these names. */
export function subjectVariables(s: Subject, notify: string[] | Input): ConfigMap {
  return {
    lock: s.lock,
    lock_device: s.device ?? '{{ device_id(lock) }}',
    action_entities: s.actionEntities,
    tamper_entities: s.tamperEntities,
    jam_entities: s.jamEntities,
    lockout_entities: s.lockoutEntities,
    notify_targets: notify,
  };
}

/** Jinja text naming who holds the slot in the `slot` variable (", slot 3 (Anna)"), empty without a slot. */
export function slotText(s: Subject): string {
  const holder = s.holders && Object.keys(s.holders).length
    ? `{% set holder = ${JSON.stringify(s.holders)}.get(slot | string) %}{% if holder %} ({{ holder }}){% endif %}`
    : '';
  return `{% if slot %}, slot {{ slot }}${holder}{% endif %}`;
}

/** Jinja text rendering the lock's name. */
export const lockName = (s: Subject): string => `{{ ${s.nameExpr} }}`;
