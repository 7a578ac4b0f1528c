// ZHA, what Lock Sentinel makes Home Assistant do (the protocol's reports are read in zha.ts): alert triggers on
// `zha_event` operation notifications; codes set and cleared through `zha.*_lock_user_code` (none is read back).
// Loaded with the generator and the code services only. Shapes: shared/ha-reference.md §2.
import { fromDevice, jinjaList, type ProtocolActions, type ServiceCall, type Signal } from './protocol.js';
import { COMMAND, EVENT_TYPE, OPERATIONS, SOURCES } from './zha.js';

const operations = (signal: Signal) => Object.keys(OPERATIONS).filter((op) => OPERATIONS[op][0] === signal);

function signal(name: Signal) {
  return {
    triggers: (s: { device: string | null }) =>
      [{ trigger: 'event', event_type: EVENT_TYPE, event_data: { ...(s.device ? { device_id: s.device } : {}), command: COMMAND } }],
    test: (_s: unknown, t: string) =>
      `${fromDevice(t, EVENT_TYPE)} and ${t}.event.data.command == '${COMMAND}' and ${t}.event.data.args.operation in ${jinjaList(operations(name))}`,
  };
}

const onEntity = (entity_id: string, service: string, service_data: Record<string, unknown>): ServiceCall =>
  ({ domain: 'zha', service, service_data, target: { entity_id } });

export const zhaActions: ProtocolActions = {
  signals: { unlock: signal('unlock'), failed: signal('failed') },
  reportsUnlocks: () => "lock in integration_entities('zha')",
  describe: (t) => ({
    when: `${t}.platform == 'event' and ${t}.event.event_type == '${EVENT_TYPE}'`,
    method: `${JSON.stringify(SOURCES)}.get(${t}.event.data.args.source, 'unknown method')`,
    slot: `${t}.event.data.args.code_slot | default(none)`,
  }),
  codes: {
    set: (lock, slot, pin) => onEntity(lock.entity_id, 'set_lock_user_code', { code_slot: slot, user_code: pin }),
    clear: (lock, slot) => onEntity(lock.entity_id, 'clear_lock_user_code', { code_slot: slot }),
  },
};
