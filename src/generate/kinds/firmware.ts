// A firmware update is available for the lock.
import { alertActions } from '../alert.js';
import type { LockBuilder } from '../body.js';
import { lockName } from '../subject.js';

export const firmware: LockBuilder = (s) => {
  if (!s.firmware) return null;
  return {
    kind: 'firmware',
    title: 'Firmware update available',
    description: 'The lock has a firmware update available.',
    mode: 'queued',
    variables: { firmware_entity: s.firmware },
    triggers: [{ trigger: 'state', entity_id: s.firmware, from: 'off', to: 'on' }],
    conditions: [],
    actions: alertActions({
      title: 'Lock Sentinel: firmware update',
      message: `${lockName(s)}: firmware {{ state_attr(firmware_entity, 'latest_version') }} is available`
        + " (installed: {{ state_attr(firmware_entity, 'installed_version') }}).",
    }),
  };
};
