import type { AccessEvent } from '../model/lock.js';

/** An access event before it has its place (seq) in the sorted timeline. */
export type Access = Omit<AccessEvent, 'seq'>;
/** What an adapter derives from one record: access events, each with whether the protocol or the entity state said so. */
export interface Derived extends Access {
  fromState: boolean;
}
