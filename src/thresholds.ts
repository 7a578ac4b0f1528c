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
