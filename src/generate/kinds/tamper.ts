// Tamper reports: the lock's protocol (cover removed, moved) and its tamper sensors.
import { alertActions } from '../alert.js';
import { quietFor, template, type LockBuilder } from '../body.js';
import { supports, test, triggers } from '../signals.js';
import { lockName } from '../subject.js';

export const tamper: LockBuilder = (s) => {
  if (!supports(s, 'tamper')) return null;
  return {
    kind: 'tamper',
    title: 'Tamper alarm',
    description: 'The lock or its tamper sensor reports tampering.',
    mode: 'single',
    max_exceeded: 'silent',
    triggers: triggers(s, 'tamper'),
    conditions: [template(test(s, 'tamper', 'trigger')), quietFor(60)],
    actions: alertActions({
      title: 'Lock Sentinel: tamper alarm',
      message: `${lockName(s)}: tamper alarm`
        + " ({{ trigger.event.data.event_label if trigger.platform == 'event' else 'tamper sensor' }}).",
      critical: true,
    }),
  };
};
