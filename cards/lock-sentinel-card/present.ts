// How a lock, a battery and a firmware version are shown: pure mappings, no DOM.
import { protocol } from '../../src/adapters/index.js';
import type { ProtocolId } from '../../src/model/protocol.js';
import { mdiBattery, mdiBattery30, mdiBattery60, mdiBatteryAlert, mdiLock, mdiLockAlert, mdiLockOff, mdiLockOpenVariant } from '@mdi/js';

/** The lock's state as HA's tile card shows it: an icon and the tone class that picks HA's state colour. */
export function lockLook(state: string): { path: string; tone: string } {
  switch (state) {
    case 'locked': return { path: mdiLock, tone: 'state-locked' };
    case 'unlocked': return { path: mdiLockOpenVariant, tone: 'state-unlocked' };
    case 'open': case 'opening': return { path: mdiLockOpenVariant, tone: 'state-open' };
    case 'locking': case 'unlocking': return { path: mdiLock, tone: 'state-pending' };
    case 'jammed': return { path: mdiLockAlert, tone: 'state-jammed' };
    default: return { path: mdiLockOff, tone: 'state-unavailable' };
  }
}

/** Battery icon by level, and whether it is low (the card's threshold) or nearly empty. */
export function batteryLook(level: number, low: number): { path: string; cls: string } {
  const path = level <= 10 ? mdiBatteryAlert : level < 45 ? mdiBattery30 : level < 80 ? mdiBattery60 : mdiBattery;
  return { path, cls: level <= 10 ? 'empty' : level < low ? 'low' : '' };
}

/** A firmware version as the lock's protocol's own tools write it (its module knows how), else as HA reports it. */
export function formatVersion(lockProtocol: ProtocolId, version: string): string {
  return protocol(lockProtocol).formatFirmware?.(version) ?? version;
}
