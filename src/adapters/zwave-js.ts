// Z-Wave JS: `zwave_js_notification` (Notification CC 113), Access Control (type 6) and Home Security (type 7);
// the user codes through `zwave_js.*` services or the User Code CC (zwave-js.actions.ts). Shapes: shared/ha-reference.md §1.
import type { HassEvent } from '../model/ha.js';
import type { AccessKind, AccessMethod } from '../model/lock.js';
import { access, intern, num, str, type Protocol, type Signal, type StoredRecord, table } from './protocol.js';

interface ZwaveRecord extends StoredRecord {
  p: 'zwave_js';
  device: string;
  type: number;
  event: number;
  userId: number | null;
  label: string;
}

export const EVENT_TYPE = 'zwave_js_notification';
export const NOTIFICATION_CC = 113;
const ACCESS_CONTROL = 6;
const HOME_SECURITY = 7;

/** [kind, method, carries a user slot] for each notification [type, event]; one report may mean two things. */
type Mapping = [AccessKind, AccessMethod, boolean];
export const NOTIFICATIONS: Record<string, Mapping[]> = table({
  '6.1': [['lock', 'manual', false]],
  '6.2': [['unlock', 'manual', false]],
  '6.3': [['lock', 'rf', false]],
  '6.4': [['unlock', 'rf', false]],
  '6.5': [['lock', 'keypad', true]],
  '6.6': [['unlock', 'keypad', true]],
  '6.9': [['lock', 'auto', false]],
  '6.11': [['jam', 'unknown', false]],
  '6.12': [['code_change', 'unknown', false]],
  '6.13': [['code_change', 'keypad', true]],
  '6.14': [['code_change', 'keypad', true]],
  '6.16': [['lockout', 'keypad', false]],
  '6.19': [['lockout', 'keypad', false]],
  '6.20': [['failed', 'rf', false]],
  '6.21': [['failed', 'rf', false]],
  '6.33': [['lock', 'keypad', true]],
  '6.34': [['unlock', 'keypad', true]],
  '6.35': [['lock', 'keypad', true]],
  '6.36': [['unlock', 'keypad', true]],
  '6.39': [['code_change', 'unknown', true]],
  '6.40': [['code_change', 'unknown', true]],
  '6.41': [['code_change', 'unknown', true]],
  '6.43': [['code_change', 'unknown', true]],
  '6.44': [['code_change', 'unknown', true]],
  '6.45': [['code_change', 'unknown', true]],
  '6.50': [['failed', 'keypad', false]],
  // Home Security: 3 cover removed, 4 invalid code (also a failed attempt), 9 product moved.
  '7.3': [['tamper', 'unknown', false]],
  '7.4': [['tamper', 'unknown', false], ['failed', 'keypad', false]],
  '7.9': [['tamper', 'unknown', false]],
});

const success = (kind: AccessKind) => kind === 'lock' || kind === 'unlock' || kind === 'code_change';

/** The [type, event] pairs that carry a signal, read from the one table above. */
export function pairs(signal: Signal): [number, number][] {
  return Object.entries(NOTIFICATIONS)
    .filter(([, maps]) => maps.some(([kind]) => kind === signal && (signal !== 'unlock' || success(kind))))
    .map(([key]) => key.split('.').map(Number) as [number, number]);
}

export const zwaveJs: Protocol<ZwaveRecord> = {
  id: 'zwave_js',
  title: 'Z-Wave JS',
  eventTypes: [EVENT_TYPE],
  capabilities: { failures: true, tamper: true, lockout: true, jam: true, codes: 'read' },

  recordEvent(e: HassEvent, t: number): ZwaveRecord | null {
    if (e.event_type !== EVENT_TYPE) return null;
    const d = e.data ?? {};
    if (typeof d.device_id !== 'string' || d.command_class !== NOTIFICATION_CC && d.command_class !== undefined) return null;
    const type = num(d.type), event = num(d.event);
    if (type === null || event === null) return null;
    const params = (d.parameters ?? {}) as Record<string, unknown>;
    return { p: 'zwave_js', t, device: intern(d.device_id), type, event, userId: num(params.userId), label: intern(str(d.event_label) ?? '') };
  },

  toAccess(rec, index, emit) {
    if (rec.p !== 'zwave_js') return false;
    const r = rec as ZwaveRecord;
    const lock = index.byDevice.get(r.device);
    if (lock?.protocol !== 'zwave_js') return true;
    for (const [kind, method, hasSlot] of NOTIFICATIONS[`${r.type}.${r.event}`] ?? []) {
      emit(access(lock.entity_id, r.t, kind, method, hasSlot && r.userId ? r.userId : null, success(kind), null, r.label, 'protocol'));
    }
    return true;
  },

  coverage: {
    refs: [EVENT_TYPE],
    signals: {
      failed: new RegExp(`"event":\\s*"?(${[...pairs('failed'), ...pairs('lockout')].filter(([t]) => t === ACCESS_CONTROL).map(([, e]) => e).join('|')})\\b`),
      tamper: new RegExp(`"type":\\s*"?${HOME_SECURITY}\\b`),
    },
  },
};
