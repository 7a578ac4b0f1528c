// ZHA: `zha_event` operation_event_notification (args.source, args.operation, 1-based args.code_slot); the
// `zha.*_lock_user_code` services (zha.actions.ts; no service reads a code back). Shapes: shared/ha-reference.md §2.
import type { HassEvent } from '../model/ha.js';
import type { AccessKind, AccessMethod } from '../model/lock.js';
import { access, intern, num, str, type Protocol, type StoredRecord, table } from './protocol.js';

interface ZhaRecord extends StoredRecord {
  p: 'zha';
  device: string;
  operation: string;
  source: string;
  /** 1-based, as ZHA reports it. */
  slot: number | null;
}

export const EVENT_TYPE = 'zha_event';
export const COMMAND = 'operation_event_notification';

/** zigpy DoorLock.OperationEvent names → [kind, method when the operation fixes it]. */
export const OPERATIONS: Record<string, [AccessKind, AccessMethod | null]> = table({
  Lock: ['lock', null],
  Unlock: ['unlock', null],
  KeyLock: ['lock', 'key'],
  KeyUnlock: ['unlock', 'key'],
  AutoLock: ['lock', 'auto'],
  OnTouchLock: ['lock', 'manual'],
  Manual_Lock: ['lock', 'manual'],
  Manual_Unlock: ['unlock', 'manual'],
  ScheduleLock: ['lock', 'auto'],
  ScheduleUnlock: ['unlock', 'auto'],
  LockFailureInvalidPINorID: ['failed', null],
  UnlockFailureInvalidPINorID: ['failed', null],
});

export const SOURCES: Record<string, AccessMethod> = table({
  Keypad: 'keypad', RF: 'rf', Manual: 'manual', RFID: 'rfid', Indeterminate: 'unknown',
});

export const zha: Protocol<ZhaRecord> = {
  id: 'zha',
  title: 'ZHA',
  eventTypes: [EVENT_TYPE],
  capabilities: { failures: true, tamper: false, lockout: false, jam: false, codes: 'write-only' },

  recordEvent(e: HassEvent, t: number): ZhaRecord | null {
    const d = e.data ?? {};
    if (e.event_type !== EVENT_TYPE || d.command !== COMMAND || typeof d.device_id !== 'string') return null;
    const args = (d.args ?? {}) as Record<string, unknown>;
    return {
      p: 'zha', t, device: intern(d.device_id), operation: intern(str(args.operation) ?? ''),
      source: intern(str(args.source) ?? ''), slot: num(args.code_slot),
    };
  },

  toAccess(rec, index, emit) {
    if (rec.p !== 'zha') return false;
    const r = rec as ZhaRecord;
    const lock = index.byDevice.get(r.device);
    const op = OPERATIONS[r.operation];
    if (lock?.protocol !== 'zha' || !op) return true;
    const [kind, fixedMethod] = op;
    const method = fixedMethod ?? SOURCES[r.source] ?? 'unknown';
    const slotted = method === 'keypad' || method === 'rfid';
    emit(access(lock.entity_id, r.t, kind, method, slotted && r.slot ? r.slot : null, kind !== 'failed', null, `${r.source} ${r.operation}`.trim(), 'protocol'));
    return true;
  },

  coverage: { refs: [EVENT_TYPE], signals: { failed: /failureinvalid/ } },
};
