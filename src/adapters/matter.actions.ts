// Matter, what Lock Sentinel makes Home Assistant do (the protocol's reports are read in matter.ts): no alert
// triggers of its own (the lock-state module's serve it); `matter.set_lock_credential` sets a PIN. Loaded with the
// generator and the code services only. Shapes: shared/ha-reference.md §4 and §11.
import type { ProtocolActions } from './protocol.js';

export const matterActions: ProtocolActions = {
  signals: {},
  codes: {
    set: (lock, slot, pin) => ({
      domain: 'matter', service: 'set_lock_credential',
      service_data: { credential_type: 'pin', credential_data: pin, user_index: slot },
      target: { entity_id: lock.entity_id },
    }),
  },
};
