// What each protocol reports, as HA triggers plus a Jinja test that recognises one signal in a trigger variable.
// Shapes: ../../shared/ha-reference.md §1 (Z-Wave JS notifications), §2 (zha_event), §3 (Zigbee2MQTT actions), §5.
// Triggers are broad (event type, device); the test narrows them, so the same test serves `trigger` and `wait.trigger`.
import type { ConfigMap, Subject } from './types.js';

export type Signal = 'unlock' | 'failed' | 'lockout' | 'tamper' | 'jam';

/** Z-Wave JS Notification CC [type, event] pairs (type 6 Access Control, type 7 Home Security). */
const ZWAVE: Record<Signal, [number, number][]> = {
  unlock: [[6, 2], [6, 4], [6, 6], [6, 34]],
  failed: [[6, 20], [6, 21], [6, 50], [7, 4]],
  lockout: [[6, 16], [6, 19]],
  tamper: [[7, 3], [7, 9]],
  jam: [[6, 11]],
};
/** Z-Wave Access Control event → method. */
const ZWAVE_METHOD: Record<number, string> = {
  1: 'manual', 2: 'manual', 3: 'RF', 4: 'RF', 5: 'keypad', 6: 'keypad', 9: 'auto-lock', 16: 'keypad', 19: 'keypad',
  20: 'RF', 21: 'RF', 33: 'keypad', 34: 'keypad', 50: 'credential',
};
/** ZHA `operation_event_notification` operations (zigpy DoorLock.OperationEvent names). */
const ZHA: Partial<Record<Signal, string[]>> = {
  unlock: ['Unlock', 'KeyUnlock', 'Manual_Unlock', 'ScheduleUnlock'],
  failed: ['LockFailureInvalidPINorID', 'UnlockFailureInvalidPINorID'],
};
/** Zigbee2MQTT lock actions. */
const Z2M: Partial<Record<Signal, string[]>> = {
  unlock: ['unlock', 'key_unlock', 'manual_unlock', 'schedule_unlock'],
  failed: ['lock_failure_invalid_pin_or_id', 'unlock_failure_invalid_pin_or_id'],
};
const Z2M_METHOD: Record<string, string> = {
  key_unlock: 'key', manual_unlock: 'manual', schedule_unlock: 'schedule',
  lock_failure_invalid_pin_or_id: 'keypad', unlock_failure_invalid_pin_or_id: 'keypad',
};
/** Lock entity states that carry a signal for every protocol (unlock: only where no protocol event exists). */
const LOCK_STATE: Partial<Record<Signal, string>> = { unlock: 'unlocked', jam: 'jammed' };

const EVENT_PROTOCOLS = new Set(['zwave_js', 'zha', 'zigbee2mqtt']);
const has = (s: Subject, p: string) => s.protocols.includes(p as Subject['protocols'][number]);
const hasEntities = (v: Subject['actionEntities']) => !Array.isArray(v) || v.length > 0;
const pairs = (list: [number, number][]) => `[${list.map(([t, e]) => `[${t}, ${e}]`).join(', ')}]`;
const q = (list: string[]) => JSON.stringify(list);

/** Whether any trigger exists for the signal on this subject. */
export function supports(s: Subject, signal: Signal): boolean {
  return triggers(s, signal).length > 0;
}

export function triggers(s: Subject, signal: Signal): ConfigMap[] {
  const out: ConfigMap[] = [];
  const device: ConfigMap = s.device ? { device_id: s.device } : {};
  if (has(s, 'zwave_js')) {
    out.push({ trigger: 'event', event_type: 'zwave_js_notification', event_data: { ...device, command_class: 113 } });
  }
  if (has(s, 'zha') && ZHA[signal]) {
    out.push({ trigger: 'event', event_type: 'zha_event', event_data: { ...device, command: 'operation_event_notification' } });
  }
  if (has(s, 'zigbee2mqtt') && Z2M[signal] && hasEntities(s.actionEntities)) {
    out.push({ trigger: 'state', entity_id: s.actionEntities });
  }
  const lockState = LOCK_STATE[signal];
  if (lockState && (signal === 'jam' || s.protocols.some((p) => !EVENT_PROTOCOLS.has(p)) || !hasEntities(s.actionEntities) && has(s, 'zigbee2mqtt'))) {
    out.push({ trigger: 'state', entity_id: s.lock, to: lockState });
  }
  if (signal === 'tamper' && hasEntities(s.tamperEntities)) {
    out.push({ trigger: 'state', entity_id: s.tamperEntities, to: 'on' });
  }
  if (signal === 'jam' && hasEntities(s.jamEntities)) {
    out.push({ trigger: 'state', entity_id: s.jamEntities, to: 'on' });
  }
  return out;
}

/** A Jinja boolean: the trigger variable `t` carries `signal` from this subject's lock. */
export function test(s: Subject, signal: Signal, t: string): string {
  const parts: string[] = [];
  const ev = (type: string) => `${t}.platform == 'event' and ${t}.event.event_type == '${type}' and ${t}.event.data.device_id == lock_device`;
  if (has(s, 'zwave_js')) {
    parts.push(`${ev('zwave_js_notification')} and [${t}.event.data.type, ${t}.event.data.event] in ${pairs(ZWAVE[signal])}`);
  }
  if (has(s, 'zha') && ZHA[signal]) {
    parts.push(`${ev('zha_event')} and ${t}.event.data.command == 'operation_event_notification' and ${t}.event.data.args.operation in ${q(ZHA[signal]!)}`);
  }
  if (has(s, 'zigbee2mqtt') && Z2M[signal] && hasEntities(s.actionEntities)) {
    parts.push(`${t}.platform == 'state' and ${t}.entity_id in action_entities and ${t}.from_state is not none`
      + ` and ${t}.from_state.state != 'unavailable' and ${t}.to_state is not none`
      + ` and (${t}.to_state.attributes.event_type if ${t}.entity_id.startswith('event.') else ${t}.to_state.state) in ${q(Z2M[signal]!)}`);
  }
  const lockState = LOCK_STATE[signal];
  if (lockState) {
    // A lock with protocol events reports its unlocks there (with method and slot); its state change would repeat them.
    const own = signal === 'unlock'
      ? ` and action_entities | count == 0 and lock not in integration_entities('zwave_js') + integration_entities('zha')` : '';
    parts.push(`${t}.platform == 'state' and ${t}.entity_id == lock and ${t}.to_state is not none and ${t}.to_state.state == '${lockState}'${own}`);
  }
  if (signal === 'tamper' && hasEntities(s.tamperEntities)) {
    parts.push(`${t}.platform == 'state' and ${t}.entity_id in tamper_entities and ${t}.to_state is not none and ${t}.to_state.state == 'on'`);
  }
  if (signal === 'jam' && hasEntities(s.jamEntities)) {
    parts.push(`${t}.platform == 'state' and ${t}.entity_id in jam_entities and ${t}.to_state is not none and ${t}.to_state.state == 'on'`);
  }
  return parts.length ? parts.map((p) => `(${p})`).join(' or ') : 'false';
}

/** Jinja for `method` and `slot` variables read from the trigger variable `t`. */
export function describe(t: string): { method: string; slot: string } {
  const zwaveMethods = `{${Object.entries(ZWAVE_METHOD).map(([k, v]) => `${k}: "${v}"`).join(', ')}}`;
  const z2mAction = `(${t}.to_state.attributes.event_type if ${t}.entity_id.startswith('event.') else ${t}.to_state.state)`;
  const method = `{% if ${t}.platform == 'event' and ${t}.event.event_type == 'zwave_js_notification' %}`
    + `{{ 'keypad' if ${t}.event.data.type == 7 else ${zwaveMethods}.get(${t}.event.data.event, 'unknown method') }}`
    + `{% elif ${t}.platform == 'event' and ${t}.event.event_type == 'zha_event' %}{{ ${t}.event.data.args.source | default('unknown method') }}`
    + `{% elif ${t}.platform == 'state' and ${t}.entity_id == lock %}{{ ${t}.to_state.attributes.changed_by or 'unknown method' }}`
    + `{% elif ${t}.platform == 'state' and ${t}.entity_id in action_entities %}{{ ${JSON.stringify(Z2M_METHOD)}.get(${z2mAction}, 'remote or keypad') }}`
    + `{% else %}sensor{% endif %}`;
  const slot = `{% if ${t}.platform == 'event' and ${t}.event.event_type == 'zwave_js_notification' %}`
    + `{{ (${t}.event.data.parameters or {}).get('userId') }}`
    + `{% elif ${t}.platform == 'event' and ${t}.event.event_type == 'zha_event' %}{{ ${t}.event.data.args.code_slot | default(none) }}`
    + `{% else %}{{ none }}{% endif %}`;
  return { method, slot };
}
