// One name per concept: each alert kind (also the generated automation's id part and the blueprint's file name),
// the finding that tells the same thing in the audit, its name for people, whether the alert-coverage rule wants an
// automation for it, and whether the card lists the finding among live alerts.
import type { FindingId } from './finding.js';

interface AlertDef {
  finding: FindingId | null;
  label: string;
  /** Every house needs an automation for it (the `missing-alerts` finding). */
  required: boolean;
  /** The finding needs action now (the card's alerts view), as opposed to hygiene. */
  live: boolean;
}

export const ALERTS = {
  failed_attempts: { finding: 'failed-attempts', label: 'failed attempts', required: true, live: true },
  lockout: { finding: 'failed-attempts', label: 'keypad lockout', required: false, live: true },
  unusual_hour: { finding: 'unusual-hour-access', label: 'unusual-hour access', required: true, live: true },
  tamper: { finding: 'tamper', label: 'tamper', required: true, live: true },
  low_battery: { finding: 'low-battery', label: 'low battery', required: true, live: true },
  away_access: { finding: 'away-access', label: 'away-access', required: true, live: true },
  jam: { finding: 'jammed', label: 'jam', required: false, live: true },
  unavailable: { finding: 'lock-unavailable', label: 'lock unavailable', required: false, live: true },
  firmware: { finding: 'firmware-update', label: 'firmware update', required: false, live: false },
  guest_expiry: { finding: 'expired-code', label: 'guest code expiry', required: false, live: false },
  weekly_review: { finding: null, label: 'weekly log review', required: false, live: false },
  monthly_audit: { finding: null, label: 'monthly code audit', required: false, live: false },
} as const satisfies Record<string, AlertDef>;

export type AlertKind = keyof typeof ALERTS;

const kinds = Object.keys(ALERTS) as AlertKind[];

/** Kinds every house should have an automation for, in report order. */
export const REQUIRED_ALERTS: readonly AlertKind[] = kinds.filter((k) => ALERTS[k].required);

/** Finding ids that are live alerts (need action now). */
export const LIVE_FINDINGS: readonly FindingId[] = [...new Set(kinds.flatMap((k) => {
  const a: AlertDef = ALERTS[k];
  return a.live && a.finding ? [a.finding] : [];
}))];
