// Every lock, what Lock Sentinel makes Home Assistant do (the states are read in lock-state.ts): alert triggers on the
// lock entity's states and its device's problem sensors, and their blueprint inputs; no code services. Loaded with
// the generator and the code services only. Shapes: shared/ha-reference.md §5.
import type { ConfigMap, Subject } from '../model/automation.js';
import { hasEntities, jinjaList, type ProtocolActions, type SignalSpec } from './protocol.js';
import { JAMMED, OPEN } from './lock-state.js';

/** A state trigger on the subject's sensors for one role, and its test. */
function sensorSignal(list: (s: Subject) => Subject['tamperEntities'], variable: string): SignalSpec {
  return {
    triggers: (s) => (hasEntities(list(s)) ? [{ trigger: 'state', entity_id: list(s), to: 'on' }] : []),
    test: (s, t) => (hasEntities(list(s))
      ? `${t}.platform == 'state' and ${t}.entity_id in ${variable} and ${t}.to_state is not none and ${t}.to_state.state == 'on'` : null),
  };
}

const lockStateTest = (t: string, states: string[]) =>
  `${t}.platform == 'state' and ${t}.entity_id == lock and ${t}.to_state is not none and ${t}.to_state.state in ${jinjaList(states)}`;

const jamSensors = sensorSignal((s) => s.jamEntities, 'jam_entities');

const entitySelector = (filter: ConfigMap): ConfigMap => ({ entity: { multiple: true, filter: [filter] } });

export const lockStateActions: ProtocolActions = {
  signals: {
    // A lock whose protocol reports its unlocks as events would repeat them here: only where none does.
    unlock: {
      triggers: (s, env) => (env.unlocksReported ? [] : [{ trigger: 'state', entity_id: s.lock, to: OPEN }]),
      test: (_s, t, env) => `${lockStateTest(t, OPEN)}${env.unlockReporters.length ? ` and not (${env.unlockReporters.join(' or ')})` : ''}`,
    },
    jam: {
      triggers: (s, env) => [{ trigger: 'state', entity_id: s.lock, to: JAMMED }, ...jamSensors.triggers(s, env)],
      test: (s, t, env) => [lockStateTest(t, [JAMMED]), jamSensors.test(s, t, env)].filter((x) => x !== null).map((x) => `(${x})`).join(' or '),
    },
    tamper: sensorSignal((s) => s.tamperEntities, 'tamper_entities'),
    lockout: sensorSignal((s) => s.lockoutEntities, 'lockout_entities'),
  },
  describe: (t) => ({
    when: `${t}.platform == 'state' and ${t}.entity_id == lock`,
    // `.get`: locks without `changed_by` (template, demo locks) must not make HA log an undefined-variable warning.
    method: `${t}.to_state.attributes.get('changed_by') or 'unknown method'`,
    slot: 'none',
  }),
  inputs: [
    { name: 'tamper_entities', config: { name: 'Tamper sensors', default: [], selector: entitySelector({ domain: 'binary_sensor', device_class: 'tamper' }) } },
    {
      name: 'jam_entities',
      config: {
        name: 'Jam sensors', description: 'Z-Wave locks: the lock\'s "lock jammed" problem sensor.', default: [],
        selector: entitySelector({ domain: 'binary_sensor', device_class: 'problem' }),
      },
    },
    {
      name: 'lockout_entities',
      config: {
        name: 'Keypad disabled sensors', description: 'Z-Wave locks: the lock\'s "keypad temporarily disabled" problem sensor.', default: [],
        selector: entitySelector({ domain: 'binary_sensor', device_class: 'problem' }),
      },
    },
  ],
  codes: {},
};
