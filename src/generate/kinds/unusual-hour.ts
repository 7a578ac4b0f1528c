// An unlock during the unusual hours (local time of Home Assistant).
import { alertActions } from '../alert.js';
import { template, type LockBuilder } from '../body.js';
import { describe, test, triggers } from '../signals.js';
import { lockName, slotText } from '../subject.js';
import { hourText, unusualHoursText } from '../../thresholds.js';

const hh = (h: number) => `${hourText(h)}:00`;

export const unusualHour: LockBuilder = (s, th) => {
  const d = describe('trigger', s);
  return {
    kind: 'unusual_hour',
    title: 'Unlock at an unusual hour',
    description: `An unlock in the unusual hours (${unusualHoursText(th)}).`,
    mode: 'queued',
    triggers: triggers(s, 'unlock'),
    conditions: [
      template(test(s, 'unlock', 'trigger')),
      { condition: 'time', after: hh(th.unusualHourStart), before: hh(th.unusualHourEnd) },
    ],
    actions: [
      { variables: { method: d.method, slot: d.slot } },
      ...alertActions({
        title: 'Lock Sentinel: unlock at an unusual hour',
        message: `${lockName(s)}: unlocked at {{ now().strftime('%H:%M') }} by {{ method }}${slotText(s)}.`,
      }),
    ],
  };
};
