// Failed-attempt burst: N failed codes on one lock within the window → exactly one alert per burst.
// Self-contained (no helper): the first failure starts a single run that keeps the failure times of the window,
// catches later failures with wait_for_trigger, alerts once when N are inside the window, and ends when the
// window passes without a failure. Further triggers while it runs are absorbed (mode single, silent).
import { alertActions } from '../alert.js';
import { template, type LockBuilder } from '../body.js';
import { describe, supports, test, triggers } from '../signals.js';
import { lockName, slotText } from '../subject.js';
import type { ConfigMap } from '../types.js';

export const failedAttempts: LockBuilder = (s, th) => {
  if (!supports(s, 'failed')) return null;
  const n = th.failedAttempts;
  const window = th.failedWindowMinutes * 60;
  const first = describe('trigger', s);
  const later = describe('wait.trigger', s);
  const when = triggers(s, 'failed');
  return {
    kind: 'failed_attempts',
    title: 'Failed code attempts',
    description: `${n} or more failed codes within ${th.failedWindowMinutes} minutes: one alert per burst.`,
    mode: 'single',
    max_exceeded: 'silent',
    triggers: when,
    conditions: [template(test(s, 'failed', 'trigger'))],
    actions: ([
      { variables: { times: '{{ [as_timestamp(now())] }}', alerted: false, method: first.method, slot: first.slot } },
      {
        repeat: {
          while: [template('times | count > 0')],
          sequence: [
            {
              if: [template(`not alerted and times | count >= ${n}`)],
              then: [
                { variables: { alerted: true } },
                ...alertActions({
                  title: 'Lock Sentinel: failed code attempts',
                  message: `${lockName(s)}: {{ times | count }} failed code attempts within ${th.failedWindowMinutes} minutes`
                    + ` (last by {{ method }}${slotText(s)}).`,
                }),
              ],
            },
            {
              wait_for_trigger: when,
              timeout: `{{ [0, ${window} - (as_timestamp(now()) - times[-1])] | max }}`,
              continue_on_timeout: true,
            },
            { variables: { hit: `{{ wait.trigger is not none and (${test(s, 'failed', 'wait.trigger')}) }}` } },
            { if: [template('hit')], then: [{ variables: { method: later.method, slot: later.slot } }] },
            {
              variables: {
                times: `{{ ((times + ([as_timestamp(now())] if hit else [])) | select('>', as_timestamp(now()) - ${window}) | list)[-${n}:] }}`,
              },
            },
          ],
        },
      },
    ] satisfies ConfigMap[]) as ConfigMap[],
  };
};
