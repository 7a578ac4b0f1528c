// What the model knows of a protocol: its id, title, capabilities, the signals alerts react to, and what shows that
// an automation covers its reports. The protocol modules (src/adapters/) fill these in; rules and the scorecard read
// them through the RuleContext, never from the adapters.
import type { AccessEvent, Protocol as ProtocolId } from './lock.js';

export type { ProtocolId };

/** What the generated alerts react to. */
export type Signal = 'unlock' | 'failed' | 'lockout' | 'tamper' | 'jam';
export const SIGNALS: readonly Signal[] = ['unlock', 'failed', 'lockout', 'tamper', 'jam'];

/** The alert signal an access event is (null: no alert reacts to it). */
export function signalOf(e: AccessEvent): Signal | null {
  switch (e.kind) {
    case 'unlock': return e.success ? 'unlock' : null;
    case 'failed': case 'lockout': case 'tamper': case 'jam': return e.kind;
    default: return null;
  }
}

export interface Capabilities {
  /** Reports each wrong code (or a code limit), so failed-attempt bursts can be seen. */
  failures: boolean;
  tamper: boolean;
  /** Reports "code limit exceeded" / "keypad disabled". */
  lockout: boolean;
  jam: boolean;
  /** Whether Home Assistant can read the PINs back, only set them, or neither. */
  codes: 'read' | 'write-only' | 'none';
}

/** The facts of a protocol that rules and the scorecard read. */
export interface ProtocolFacts {
  id: ProtocolId;
  /** How evidence names the protocol ("ZHA: codes cannot be read back"). */
  title: string;
  /** HA bus events it reads (besides state changes); only admins may subscribe to them. */
  eventTypes: readonly string[];
  capabilities: Capabilities;
  /** How evidence says the codes were read, where it is not the protocol's own service ("read over MQTT"). */
  codesReadVia?: string;
  /** Why a read slot in use can carry no PIN (evidence: "… of slots 2, 4"). */
  codesHiddenWhy?: string;
  /**
   * Where the protocol's reports arrive through entities of the lock's device (`Lock.protocol_entities[role]`), not
   * its own bus events: a lock without one reports nothing, and evidence says `missing`.
   */
  reportsThrough?: { role: string; missing: string };
  /** How evidence says a read lock's in-use slots carry no PIN, where the protocol never shows one ("3 occupied PIN slots …"). */
  codesHidden?: (slots: number[]) => string;
  /** False where the lock's unlocks never say which slot opened it (Matter): its slots' use cannot be judged. */
  reportsSlotUse?: boolean;
  /** Codes never read back, but the occupied slots are listed by this service since this HA release. */
  slotsListed?: { service: string; since: string };
  /** Automation text that shows an alert reacts to this protocol's reports (the alert-coverage rule). */
  coverage?: { refs: string[]; signals: Partial<Record<Signal, RegExp>> };
}
