// What every rule reads: the normalised model, never raw HA payloads.
import type { CodeRegistryEntry, HassState, SnapshotHeader } from '../model/ha.js';
import type { Masker } from '../privacy/mask.js';
import type { CodeSlot, Lock } from '../model/lock.js';
import { lockNameOf, slotKey } from '../model/lock.js';
import type { RaisedFinding } from '../model/finding.js';
import type { LockIndex } from '../model/lock.js';
import type { Presence } from '../model/presence.js';
import type { ProtocolFacts, ProtocolId } from '../model/protocol.js';
import type { TimeZone } from '../time/zone.js';
import type { Thresholds } from '../thresholds.js';
import type { Timeline } from '../store/timeline.js';

export interface History {
  /** The snapshot carries an event stream at all. */
  present: boolean;
  /** Earliest event time (ms), Infinity with no events. */
  earliest: number;
  /**
   * From when the stream carries the locks' own protocol events (`zwave_js_notification`, `zha_event`), which the
   * recorder's history does not return; null when it carries none.
   */
  protocolSince: number | null;
}

export interface RuleContext {
  /** The snapshot with every text from the house masked (src/privacy/mask.ts); usercodes stay as read. */
  header: SnapshotHeader;
  /** States as Home Assistant shows them, unmasked: only the pin-exposed rule reads them. */
  rawStates: HassState[];
  /** Masks in-use codes in text from the house (what the rules build evidence from is masked already). */
  mask: Masker;
  locks: Lock[];
  index: LockIndex;
  timeline: Timeline;
  presence: Presence;
  /** Every protocol Lock Sentinel knows (src/adapters/index.ts), and the one a lock speaks. */
  protocols: readonly ProtocolFacts[];
  protocolOf(id: ProtocolId): ProtocolFacts;
  history: History;
  tz: TimeZone;
  /** captured_at, epoch ms. */
  now: number;
  th: Thresholds;
  /** In-use code slots read from the locks; null when the snapshot has no usercodes. */
  codes: CodeSlot[] | null;
  /** Locks whose codes were read (their in-use slots are all in `codes`). */
  codesRead: Set<string>;
  /** Code registry by `lock|slot`; null when the snapshot has none. */
  registry: Map<string, CodeRegistryEntry> | null;
}

export type Rule = (ctx: RuleContext) => RaisedFinding[];

export { slotKey };

export function lockName(ctx: RuleContext, entityId: string): string {
  return lockNameOf(ctx.locks, entityId);
}

/** "Front Door slot 3 (Alice)", else the lock's own name of the slot's user — never the code (both names are masked). */
export function slotLabel(ctx: RuleContext, lock: string, slot: number): string {
  const holder = ctx.registry?.get(slotKey(lock, slot))?.name;
  if (holder) return `${lockName(ctx, lock)} slot ${slot} (${holder})`;
  const onLock = ctx.codes?.find((c) => c.lock === lock && c.slot === slot)?.name;
  return `${lockName(ctx, lock)} slot ${slot}${onLock ? ` (user "${onLock}" on the lock)` : ''}`;
}

export const iso = (ms: number) => new Date(ms).toISOString();
