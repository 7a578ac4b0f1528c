// How a lock, a battery and a firmware version are shown: pure mappings, no DOM.
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

/**
 * A firmware version as HA and the Zigbee tools show it. A Zigbee OTA file version is a 32-bit number that
 * Zigbee2MQTT's update entity passes on in decimal (16777250); ZHA's update entity and the Zigbee tools write it as
 * 8 hex digits (0x01000022). A plain number above 0xffff can only be such a file version (Z-Wave and Matter report
 * dotted versions like 1.4); anything else is shown as reported.
 */
export function formatVersion(version: string): string {
  if (/^\d{6,10}$/.test(version)) {
    const n = Number(version);
    if (n > 0xffff && n <= 0xffffffff) return `0x${n.toString(16).padStart(8, '0')}`;
  }
  return version;
}
