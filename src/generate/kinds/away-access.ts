// An unlock while nobody is home (every person entity away): critical.
import { alertActions } from '../alert.js';
import { template, type LockBuilder } from '../body.js';
import { describe, test, triggers } from '../signals.js';
import { lockName, slotText } from '../subject.js';

export const NOBODY_HOME = "states.person | count > 0 and states.person | selectattr('state', 'eq', 'home') | list | count == 0";

export const awayAccess: LockBuilder = (s) => {
  const d = describe('trigger', s);
  return {
    kind: 'away_access',
    title: 'Unlock while nobody is home',
    description: 'An unlock while every person is away. Critical.',
    mode: 'queued',
    triggers: triggers(s, 'unlock'),
    conditions: [template(test(s, 'unlock', 'trigger')), template(NOBODY_HOME)],
    actions: [
      { variables: { method: d.method, slot: d.slot } },
      ...alertActions({
        title: 'Lock Sentinel: unlock while nobody is home',
        message: `${lockName(s)}: unlocked by {{ method }}${slotText(s)} while nobody is home.`,
        critical: true,
      }),
    ],
  };
};
