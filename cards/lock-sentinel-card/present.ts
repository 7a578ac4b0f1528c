// How a lock, a battery and a firmware version are shown: pure mappings, no DOM.
import {
  mdiBattery, mdiBattery20, mdiBattery40, mdiBattery60, mdiBattery80, mdiBatteryAlertVariantOutline, mdiLock, mdiLockAlert,
  mdiLockClock, mdiLockOpenVariant, mdiLockQuestion,
} from '@mdi/js';
import type { Protocol } from '../../src/model/lock.js';

/** The lock's state as HA's tile card shows it: an icon and the tone class that picks HA's state colour. */
export function lockLook(state: string): { path: string; tone: string } {
  switch (state) {
    case 'locked': return { path: mdiLock, tone: 'state-locked' };
    case 'unlocked': return { path: mdiLockOpenVariant, tone: 'state-unlocked' };
    case 'open': case 'opening': return { path: mdiLockOpenVariant, tone: 'state-open' };
    case 'locking': case 'unlocking': return { path: mdiLockClock, tone: 'state-pending' };
    case 'jammed': return { path: mdiLockAlert, tone: 'state-jammed' };
    default: return { path: mdiLockQuestion, tone: 'state-unavailable' };
  }
}

/** Battery icon by level, and whether it is low (the card's threshold) or nearly empty. */
export function batteryLook(level: number, low: number): { path: string; cls: string } {
  const path = level <= 10 ? mdiBatteryAlertVariantOutline : level < 30 ? mdiBattery20 : level < 50 ? mdiBattery40
    : level < 70 ? mdiBattery60 : level < 90 ? mdiBattery80 : mdiBattery;
  return { path, cls: level <= 10 ? 'empty' : level < low ? 'low' : '' };
}

/**
 * A firmware version as HA and the protocol's own tools show it. Zigbee OTA file versions are 32-bit numbers that
 * Zigbee2MQTT's update entity passes on as a decimal string (16777250); ZHA's update entity and Zigbee tools show
 * the same number as 8 hex digits (0x01000022). Anything else is shown as reported.
 */
export function formatVersion(version: string, protocol: Protocol): string {
  if ((protocol === 'zigbee2mqtt' || protocol === 'zha') && /^\d{1,10}$/.test(version)) {
    const n = Number(version);
    if (n <= 0xffffffff) return `0x${n.toString(16).padStart(8, '0')}`;
  }
  return version;
}
