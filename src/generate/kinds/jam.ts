// A jammed lock: its state, its protocol's jam report or its jam sensor.
import { alertActions } from '../alert.js';
import { quietFor, template, type LockBuilder } from '../body.js';
import { test, triggers } from '../signals.js';
import { lockName } from '../subject.js';

export const jam: LockBuilder = (s) => ({
  kind: 'jam',
  title: 'Lock jammed',
  description: 'The lock reports a jam: the bolt did not reach its position.',
  mode: 'single',
  max_exceeded: 'silent',
  triggers: triggers(s, 'jam'),
  conditions: [template(test(s, 'jam', 'trigger')), quietFor(60)],
  actions: alertActions({
    title: 'Lock Sentinel: lock jammed',
    message: `${lockName(s)}: jammed. Check the door and the bolt.`,
  }),
});
