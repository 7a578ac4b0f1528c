// The weekly log review (Sunday evening) and the monthly audit (the 1st), each with a one-line summary of the locks;
// one missed while HA was down (or the automations were reloaded late) comes once, late, the same day.
import type { Thresholds } from '../../thresholds.js';
import { alertActions } from '../alert.js';
import { catchUpTriggers, missedOnce, template, type Body } from '../body.js';
import type { ConfigMap, Input } from '../types.js';

export interface House {
  locks: string[] | Input;
  batteries: string[] | Input;
  firmwares: string[] | Input;
}

const WEEKLY_AT = '19:00:00';
const MONTHLY_AT = '10:00:00';

export const houseVariables = (h: House): ConfigMap => ({ locks: h.locks, batteries: h.batteries, firmwares: h.firmwares });

/** One line: counts read from the house at the time the reminder runs. */
export function summary(th: Readonly<Thresholds>): string {
  return "{% set ls = expand(locks) %}{{ ls | count }} locks: "
    + "{{ ls | selectattr('state', 'eq', 'unlocked') | list | count }} unlocked, "
    + "{{ ls | selectattr('state', 'in', ['unavailable', 'unknown', 'jammed']) | list | count }} unavailable or jammed, "
    + `{{ expand(batteries) | map(attribute='state') | map('float', 100) | select('lt', ${th.lowBattery}) | list | count }} with battery below ${th.lowBattery} %, `
    + "{{ expand(firmwares) | selectattr('state', 'eq', 'on') | list | count }} with a firmware update.";
}

export function weeklyReview(h: House, th: Readonly<Thresholds>): Body {
  return {
    kind: 'weekly_review',
    title: 'Weekly log review',
    description: 'Sunday evening: review the week\'s access log.',
    mode: 'single',
    max_exceeded: 'silent',
    variables: houseVariables(h),
    triggers: [{ trigger: 'time', at: WEEKLY_AT }, ...catchUpTriggers()],
    conditions: [{ condition: 'time', weekday: ['sun'] }, missedOnce(`today_at('${WEEKLY_AT}')`)],
    actions: alertActions({
      title: 'Lock Sentinel: weekly log review',
      message: `Time to review this week's lock log. ${summary(th)}`,
    }),
  };
}

export function monthlyAudit(h: House, th: Readonly<Thresholds>): Body {
  return {
    kind: 'monthly_audit',
    title: 'Monthly code audit',
    description: 'The 1st of each month: audit codes, users and guests.',
    mode: 'single',
    max_exceeded: 'silent',
    variables: houseVariables(h),
    triggers: [{ trigger: 'time', at: MONTHLY_AT }, ...catchUpTriggers()],
    conditions: [template('now().day == 1'), missedOnce(`today_at('${MONTHLY_AT}')`)],
    actions: alertActions({
      title: 'Lock Sentinel: monthly audit',
      message: `Monthly audit: remove unused and expired codes, check admins. ${summary(th)}`,
    }),
  };
}
