// Low battery: below the threshold, at most one alert per lock and day (also a daily reminder while it stays low; one
// missed while HA was down, or reloaded late, comes once, late, the same day).
import { alertActions } from '../alert.js';
import { CATCH_UP_ID, catchUpTriggers, template, type LockBuilder } from '../body.js';
import { lockName } from '../subject.js';
import type { ConfigMap } from '../types.js';

const REMINDER_AT = '09:00:00';

export const lowBattery: LockBuilder = (s, th) => {
  if (!s.battery) return null;
  return {
    kind: 'low_battery',
    title: 'Low battery',
    description: `Battery below ${th.lowBattery} %: at most one alert a day.`,
    mode: 'single',
    max_exceeded: 'silent',
    variables: { battery_entity: s.battery },
    triggers: [
      { trigger: 'numeric_state', entity_id: s.battery, below: th.lowBattery },
      { trigger: 'time', at: REMINDER_AT },
      ...catchUpTriggers(),
    ] as ConfigMap[],
    conditions: [
      { condition: 'numeric_state', entity_id: s.battery, below: th.lowBattery },
      template('this.attributes.last_triggered is none or as_local(this.attributes.last_triggered).date() != now().date()'),
      // HA's start or a reload stands for the daily reminder: not before its time.
      template(`trigger.id != '${CATCH_UP_ID}' or now() >= today_at('${REMINDER_AT}')`),
    ],
    actions: alertActions({
      title: 'Lock Sentinel: low battery',
      message: `${lockName(s)}: battery at {{ states(battery_entity) }} %. Replace it soon: a flat lock cannot report.`,
    }),
  };
};
