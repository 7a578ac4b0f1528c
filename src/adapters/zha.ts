// ZHA: `zha_event` operation_event_notification (args.source, args.operation, 1-based args.code_slot).
import type { AccessKind, AccessMethod, Lock } from '../model/lock.js';
import type { ZhaRecord } from '../store/records.js';
import { access, type Emit } from './types.js';
import type { Capabilities } from './capabilities.js';

/** Codes: set/clear/enable/disable only; wrong codes: `zha_event` (live events only). */
export const zhaCapabilities: Capabilities = { name: 'ZHA', codes: 'write-only', failures: 'events', tamper: 'none' };

const OPERATIONS: Record<string, [AccessKind, AccessMethod | null]> = {
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
};

const SOURCES: Record<string, AccessMethod> = {
  Keypad: 'keypad', RF: 'rf', Manual: 'manual', RFID: 'rfid', Indeterminate: 'unknown',
};

export function fromZha(r: ZhaRecord, lock: Lock, emit: Emit): void {
  const op = OPERATIONS[r.operation];
  if (!op) return;
  const [kind, fixedMethod] = op;
  const method = fixedMethod ?? SOURCES[r.source] ?? 'unknown';
  const slotted = method === 'keypad' || method === 'rfid';
  emit(access(lock.entity_id, r.t, kind, method, slotted && r.slot ? r.slot : null, kind !== 'failed', null, `${r.source} ${r.operation}`.trim(), 'protocol'));
}
