// What to do about a finding, for the findings whose fix is the same whatever the case (a rule gives any other
// finding its own fix). Words only: the CLI's engine always has them, the card loads them with the views that show
// fixes (alerts, scorecard); see src/words.ts.
import type { FindingId } from '../model/finding.js';

export const FIXES: Readonly<Partial<Record<FindingId, string>>> = {
  'failed-attempts': 'Someone may be guessing codes: check the camera and who was at the door, change the codes of that lock if in doubt, and keep the lock\'s attempt limit on.',
  'unusual-hour-access': 'Check it was expected; if codes should not work at night, restrict them by schedule.',
  'away-access': 'Confirm who opened the door; if nobody should have, change the codes and review the log.',
  'expired-code': 'Delete this code now (guests: the same day they leave; staff: within 1 hour).',
  tamper: 'Inspect the lock and the door now; check the camera; keep tamper alerts on.',
  jammed: 'Check the door is closed and the bolt aligned with the strike plate, then lock again.',
  'low-battery': 'Replace the batteries this week; a dead lock falls back to the physical key.',
  'firmware-update': 'Install the update; do not postpone security updates.',
  'lock-unavailable': 'Check the lock\'s batteries and its radio link (hub, repeaters), then re-interview or re-pair it.',
  'too-many-admins': 'Only trusted people get admin: make the others regular users (they cannot add or delete codes).',
  'mfa-disabled': 'Enable app-based two-factor authentication (TOTP) in your Home Assistant profile; not SMS.',
};
