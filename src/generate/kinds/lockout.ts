// The lock's own "code limit exceeded" / "keypad temporarily disabled" reports (events or the problem sensor).
// A lock that reports both (Z-Wave event 19, then the keypad-disabled sensor for 16) gives one alert, as the engine
// merges them into one lockout.
import { alertActions } from '../alert.js';
import { quietFor, template, type LockBuilder } from '../body.js';
import { describe, supports, test, triggers } from '../signals.js';
import { lockName } from '../subject.js';

export const lockout: LockBuilder = (s) => {
  if (!supports(s, 'lockout')) return null;
  const d = describe('trigger', s);
  return {
    kind: 'lockout',
    title: 'Keypad locked out',
    description: 'The lock reports that the code limit was exceeded or that its keypad is disabled.',
    mode: 'single',
    max_exceeded: 'silent',
    triggers: triggers(s, 'lockout'),
    conditions: [template(test(s, 'lockout', 'trigger')), quietFor(60)],
    actions: [
      { variables: { method: d.method } },
      ...alertActions({
        title: 'Lock Sentinel: keypad locked out',
        message: `${lockName(s)}: {{ trigger.event.data.event_label if trigger.platform == 'event' else 'keypad disabled' }} (too many wrong codes by {{ method }}).`,
      }),
    ],
  };
};
