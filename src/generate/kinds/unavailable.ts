// The lock has been unavailable for longer than the threshold.
import { alertActions } from '../alert.js';
import type { LockBuilder } from '../body.js';
import { lockName } from '../subject.js';

export const unavailable: LockBuilder = (s, th) => ({
  kind: 'unavailable',
  title: 'Lock unavailable',
  description: `The lock has been unavailable for over ${th.unavailableMinutes} minutes.`,
  mode: 'queued',
  triggers: [{ trigger: 'state', entity_id: s.lock, to: 'unavailable', for: { minutes: th.unavailableMinutes } }],
  conditions: [],
  actions: alertActions({
    title: 'Lock Sentinel: lock unavailable',
    message: `${lockName(s)}: unavailable for over ${th.unavailableMinutes} minutes. It cannot report access or alarms.`,
  }),
});
