// Every threshold of the guide, named, in one place. The card's config may override them.
export interface Thresholds {
  /** Failed code entries on one lock that make a burst... */
  failedAttempts: number;
  /** ...within this many minutes. */
  failedWindowMinutes: number;
  /** Unusual hours: [start, end) in local time. */
  unusualHourStart: number;
  unusualHourEnd: number;
  /** Battery percentage below which a lock is low. */
  lowBattery: number;
  /** A code unused for this many days is stale. */
  staleDays: number;
  /** A protocol unlock and a lock-state unlock this close are one unlock. */
  unlockMergeSeconds: number;
  /** A lock unavailable this long deserves an alert. */
  unavailableMinutes: number;
  /** The weekly log review is due after this many days. */
  reviewDays: number;
  /** More active admins than this is too many. */
  maxAdmins: number;
}

export const THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  failedAttempts: 5,
  failedWindowMinutes: 10,
  unusualHourStart: 2,
  unusualHourEnd: 6,
  lowBattery: 30,
  staleDays: 90,
  unlockMergeSeconds: 10,
  unavailableMinutes: 60,
  reviewDays: 7,
  maxAdmins: 2,
});

/** The guide's thresholds with some overridden (the card's config, the CLI's flags). */
export function withThresholds(over: Partial<Thresholds> = {}): Readonly<Thresholds> {
  const defined = Object.entries(over).filter(([, v]) => v !== undefined);
  return defined.length ? Object.freeze({ ...THRESHOLDS, ...Object.fromEntries(defined) }) : THRESHOLDS;
}

/** "02:00" for hour 2. */
export const hourText = (h: number): string => `${String(h).padStart(2, '0')}:00`;

/** "02:00-06:00". */
export const unusualHoursText = (th: Readonly<Thresholds>): string => `${hourText(th.unusualHourStart)}-${hourText(th.unusualHourEnd)}`;

/** Whether a local hour is in the unusual hours [start, end); a window over midnight (22-05) wraps. */
export function inUnusualHours(hour: number, th: Readonly<Thresholds>): boolean {
  const { unusualHourStart: start, unusualHourEnd: end } = th;
  return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
}

/**
 * The thresholds a user may set, one row each: the engine's name, the card's config key, the CLI's flag, the range.
 * (The unusual hours are set as one `HH-HH` flag.)
 */
export const THRESHOLD_OPTIONS = [
  { key: 'failedAttempts', config: 'failed_attempts', flag: 'failed-attempts', min: 2, max: 20, what: 'failed codes that make a burst' },
  { key: 'lowBattery', config: 'low_battery', flag: 'low-battery', min: 5, max: 95, what: 'low battery below this %' },
  { key: 'staleDays', config: 'stale_days', flag: 'stale-days', min: 7, max: 365, what: 'codes unused this long are stale' },
] as const satisfies readonly { key: keyof Thresholds; config: string; flag: string; min: number; max: number; what: string }[];

export type ThresholdConfigKey = (typeof THRESHOLD_OPTIONS)[number]['config'];
