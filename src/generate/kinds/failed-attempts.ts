// Failed-attempt burst: N failed codes on one lock within the window → one alert per burst, counting every failure.
// No failure may be lost however close together they come (a Zigbee2MQTT action sensor is cleared ~10 ms after each
// action, a burst of wrong codes can be 50 ms apart): every failure starts its own run (mode parallel) that stays
// alive for the window, so the automation's `current` attribute is the number of failures within the window. HA
// reads `this` and adds the new run without yielding in between, so each run sees exactly the failures before it.
// The rule: the failure that makes the count reach N starts the burst, with a fresh persistent notification (one id
// per lock) and one push to each notify target; every later failure within the window updates that notification in
// place with the count (no further push). The burst ends when the count falls below N. At most MAX_COUNTED
// failures are counted at once (HA drops runs beyond `max`, silently).
import { noteAction, pushActions } from '../alert.js';
import { template, type LockBuilder } from '../body.js';
import { describe, supports, test, triggers } from '../signals.js';
import { lockName, slotText } from '../subject.js';
import type { ConfigMap } from '../types.js';

export const MAX_COUNTED = 500;

export const failedAttempts: LockBuilder = (s, th) => {
  if (!supports(s, 'failed')) return null;
  const n = th.failedAttempts;
  const d = describe('trigger', s);
  const text = {
    title: 'Lock Sentinel: failed code attempts',
    message: `${lockName(s)}: {{ count }} failed code attempts within ${th.failedWindowMinutes} minutes (last by {{ method }}${slotText(s)}).`,
  };
  const id = 'lock_sentinel_failed_attempts_{{ lock }}';
  return {
    kind: 'failed_attempts',
    title: 'Failed code attempts',
    description: `${n} or more failed codes within ${th.failedWindowMinutes} minutes: one alert per burst, updated with the count.`,
    mode: 'parallel',
    max: MAX_COUNTED,
    max_exceeded: 'silent',
    triggers: triggers(s, 'failed'),
    conditions: [template(test(s, 'failed', 'trigger'))],
    actions: ([
      // The runs alive before this one are the window's earlier failures.
      { variables: { count: '{{ (this.attributes.current | int(0)) + 1 }}', method: d.method, slot: d.slot } },
      {
        if: [template(`count == ${n}`)],
        then: [
          { action: 'persistent_notification.dismiss', data: { notification_id: id } },
          noteAction(text, id),
          ...pushActions(text),
        ],
      },
      { if: [template(`count > ${n}`)], then: [noteAction(text, id)] },
      // This failure counts for the window.
      { delay: { seconds: th.failedWindowMinutes * 60 } },
    ] satisfies ConfigMap[]) as ConfigMap[],
  };
};
