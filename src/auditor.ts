// The pipeline: HA data → adapters → one access timeline → rules → findings → scorecard. The rules over what only an
// administrator reads (codes read back, users, automations) come as an option (rules/admin.ts): the card's Auditor
// gets them with that data, for admins alone; engine.ts (the CLI, tests) always passes them.
import type { CodeRegistryEntry, HassEvent, HassState, Snapshot, SnapshotHeader } from './model/ha.js';
import type { AccessEvent, AccessKind, AccessMethod, CodeSlot, FirmwareInfo, Lock, Protocol, SlotStrength } from './model/lock.js';
import type { Check, Finding, RaisedFinding, Score } from './model/finding.js';
import { discoverLocks, indexLocks, type LockIndex } from './adapters/discovery.js';
import { buildTimeline, type Timeline } from './store/timeline.js';
import { enrichAccess, protocol, PROTOCOLS } from './adapters/index.js';
import { Presence } from './model/presence.js';
import { EventStore } from './store/event-store.js';
import { TimeZone } from './time/zone.js';
import { THRESHOLDS, type Thresholds } from './thresholds.js';
import { slotKey, type Rule, type RuleContext } from './rules/context.js';
import { slotStrengths } from './rules/codes.js';
import { auditRules, type AdminRules } from './rules/rules.js';
import { evaluateChecks, type DescribeCheck } from './score/checks.js';
import type { FindingId } from './model/finding.js';
import { score } from './score/scorecard.js';
import { aggregateFindings } from './rules/aggregate.js';
import { validateEvent, validateHeader, type AdminValidator } from './model/validate.js';
import { Masker } from './privacy/mask.js';
import { maskedHeader } from './privacy/house-view.js';
import type { StateChange } from './model/state-track.js';

export interface LastAccess {
  time: string;
  kind: AccessKind;
  method: AccessMethod;
  slot: number | null;
  holder: string | null;
  success: boolean;
}

export interface LockSummary {
  entity_id: string;
  name: string;
  protocol: Protocol;
  device_id: string | null;
  state: string;
  battery: number | null;
  firmware: FirmwareInfo | null;
  last_access: LastAccess | null;
}

export interface AuditReport {
  score: Score;
  locks: LockSummary[];
  checks: Check[];
  findings: Finding[];
}

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

function inUseCodes(header: SnapshotHeader): CodeSlot[] | null {
  if (!header.usercodes) return null;
  const out: CodeSlot[] = [];
  for (const [lock, slots] of Object.entries(header.usercodes)) {
    for (const [slot, v] of Object.entries(slots ?? {})) {
      if (!v?.in_use) continue;
      const c: CodeSlot = { lock, slot: Number(slot), in_use: true, code: typeof v.usercode === 'string' ? v.usercode.trim() : '' };
      if (typeof v.name === 'string' && v.name.trim() !== '') c.name = v.name;
      out.push(c);
    }
  }
  return out;
}

/** The house's in-use codes as a masker: every text from the house passes through it where it enters the engine. */
function codeMasker(header: SnapshotHeader): Masker {
  return new Masker((inUseCodes(header) ?? []).map((c) => c.code));
}

/**
 * The snapshot as every face shows it: checked at the boundary, every text from the house masked. What reads house
 * names outside an Auditor (the alert generator) reads them from here, never from the raw snapshot.
 */
export function houseView(header: SnapshotHeader, adminRules: AdminRules | null = null): SnapshotHeader {
  validateHeader(header, adminRules?.validate ?? null);
  return maskedHeader(header, codeMasker(header));
}

export interface AuditOptions {
  thresholds?: Partial<Thresholds>;
  /** The source carries an event stream even if no event arrived (JSON Lines, live). Default: header has `events`. */
  eventsPresent?: boolean;
  /** Events already read (a streaming reader may meet them before the snapshot's other keys). */
  store?: EventStore;
  /**
   * The header is a snapshot taken at `captured_at` (a file, the CLI): events after that instant are not part of it and
   * are ignored. Without it (the card, live), `captured_at` is when the states were read and later events are live.
   */
  snapshot?: boolean;
  /**
   * The source listens to the locks' protocol events (`zwave_js_notification`, `zha_event`) since this time (ms),
   * e.g. the card's live subscription. Default: since the stream's first event if it carries any such event, else never.
   */
  protocolEventsSince?: number;
  /**
   * The rules over what only an administrator reads (rules/admin.ts). A header with codes, users or automations
   * needs them: without them its checks would pass on data no rule looked at.
   */
  adminRules?: AdminRules;
  /**
   * The report's words (src/words.ts): the checks' titles, evidence and fixes, the findings' fixes. Without them the
   * checks carry their verdicts with empty words and findings only the fixes their rules gave: the card's first
   * screen shows only the score and the alerts' names; the views that show the rest load them.
   */
  words?: AuditWords;
}

/** The words of a report (src/words.ts). */
export interface AuditWords {
  /** A check's verdict in words. */
  describe: DescribeCheck;
  /** The fix of each finding whose fix is the same whatever the case. */
  fixes: Readonly<Partial<Record<FindingId, string>>>;
  /** A finding's evidence. */
  evidence: (f: RaisedFinding, ctx: RuleContext) => string;
}

/** Streaming auditor: feed events one by one, in any order; ask for the report as often as needed. */
export class Auditor {
  /** The snapshot with every text from the house masked (what every face shows). */
  header: SnapshotHeader;
  /** The snapshot as read; only the code rules look at it. */
  private raw: SnapshotHeader;
  private mask: Masker;
  readonly store: EventStore;
  private readonly th: Thresholds;
  private readonly tz: TimeZone;
  private locks: Lock[];
  private index: LockIndex;
  private eventsPresent: boolean;
  private readonly snapshot: boolean;
  private readonly protocolEventsSince: number | null;
  private readonly rules: Rule[];
  /** The admin data's checks (with the admin rules): a header with codes, users or automations is refused without them. */
  private readonly adminValidate: AdminValidator | null;
  private words: AuditWords | null;
  private cached: { version: number; timeline: Timeline; rows?: AccessEvent[]; findings: RaisedFinding[]; report: AuditReport; slots: SlotStrength[] } | null = null;

  constructor(header: SnapshotHeader, options: AuditOptions = {}) {
    this.adminValidate = options.adminRules?.validate ?? null;
    validateHeader(header, this.adminValidate);
    this.rules = auditRules(options.adminRules ?? null);
    this.words = options.words ?? null;
    this.raw = header;
    this.mask = codeMasker(header);
    this.header = maskedHeader(header, this.mask);
    this.store = options.store ?? new EventStore();
    this.th = { ...THRESHOLDS, ...options.thresholds };
    this.tz = new TimeZone(header.config.time_zone);
    this.locks = discoverLocks(this.header);
    this.index = indexLocks(this.locks);
    this.store.bind(this.index);
    this.snapshot = options.snapshot ?? false;
    this.eventsPresent = options.eventsPresent ?? (Array.isArray((header as Snapshot).events) || this.store.total > 0);
    this.protocolEventsSince = options.protocolEventsSince ?? null;
  }

  /**
   * New states from live HA (subscribe_entities): locks, batteries and sensors are read again, the events kept.
   * `capturedAt` is the audit's "now" (default: the current time).
   */
  updateStates(states: HassState[], capturedAt: string = new Date().toISOString()): void {
    const header = { ...this.raw, states, captured_at: capturedAt };
    validateHeader(header, this.adminValidate);
    this.raw = header;
    this.header = maskedHeader(header, this.mask);
    this.locks = discoverLocks(this.header);
    this.index = indexLocks(this.locks);
    this.store.bind(this.index);
    this.cached = null;
  }

  /** The report's words from now on (the card, once a view that shows them loaded them): the next report has them. */
  useWords(words: AuditWords): void {
    if (this.words === words) return;
    this.words = words;
    this.cached = null;
  }

  addEvent(event: HassEvent): void {
    validateEvent(event, this.store.total);
    this.eventsPresent = true;
    this.store.add(event);
  }

  get timeZone(): TimeZone {
    return this.tz;
  }

  /** The normalised access timeline, sorted by time, as objects (the card; an event's `seq` is its position). */
  timeline(): AccessEvent[] {
    const c = this.evaluate();
    return (c.rows ??= c.timeline.toArray());
  }

  /** The same timeline read event by event, never all held as objects (the CLI's export of a million events). */
  timelineView(): Timeline {
    return this.evaluate().timeline;
  }

  /** Findings with the access events (by seq) that raised them. */
  raisedFindings(): RaisedFinding[] {
    return this.evaluate().findings;
  }

  report(): AuditReport {
    return this.evaluate().report;
  }

  /** Every known code slot and how its strength is known (read, set strong through the gate, unknown). */
  slotStrengths(): SlotStrength[] {
    return this.evaluate().slots;
  }

  holderOf(lock: string, slot: number | null): CodeRegistryEntry | null {
    if (slot === null) return null;
    return this.header.code_registry?.find((e) => e.lock === lock && e.slot === slot) ?? null;
  }

  private evaluate() {
    if (this.cached && this.cached.version === this.store.version) return this.cached;
    enrichAccess(this.store.access, this.index, this.header.states, this.store.tracks);
    const now = Date.parse(this.header.captured_at);
    // A snapshot ends at captured_at: a later event is not part of it.
    const log = this.store.access;
    // Text the locks reported (changed_by, event labels, action sources) enters the model here, masked.
    const timeline = buildTimeline(log, this.snapshot ? (i) => log.time(i) <= now : () => true, this.th.unlockMergeSeconds * 1000,
      this.mask.empty ? null : (s) => this.mask.text(s));
    const ctx: RuleContext = {
      header: this.header, rawStates: this.raw.states, mask: this.mask, locks: this.locks, index: this.index, timeline,
      presence: new Presence(this.header.states, this.maskedTracks()),
      protocols: PROTOCOLS, protocolOf: protocol,
      history: { present: this.eventsPresent, earliest: this.store.coverage.start(this.snapshot ? now : Number.MAX_SAFE_INTEGER), protocolSince: this.protocolSince() },
      tz: this.tz, now, th: this.th,
      // Codes of locks the house does not have (a snapshot's usercodes for a lock without a state) judge nothing:
      // they stay masked, but no finding is about a lock that is not there, as no coverage counts it.
      codes: inUseCodes(this.header)?.filter((c) => this.index.byEntity.has(c.lock)) ?? null,
      codesRead: new Set(Object.keys(this.header.usercodes ?? {}).filter((id) => this.index.byEntity.has(id))),
      registry: this.header.code_registry ? new Map(this.header.code_registry.map((e) => [slotKey(e.lock, e.slot), e])) : null,
    };
    const findings = aggregateFindings(this.rules.flatMap((rule) => rule(ctx)))
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (b.time ?? '').localeCompare(a.time ?? ''));
    const checks = evaluateChecks(ctx, findings, this.words?.describe ?? null);
    const report: AuditReport = {
      score: score(checks),
      locks: this.locks.map((l) => this.summary(l, timeline)),
      checks,
      findings: findings.map((f) => ({
        id: f.id, severity: f.severity, entity_id: f.entity_id, time: f.time, evidence: this.words?.evidence(f, ctx) ?? '', fix: f.fix ?? this.words?.fixes[f.id] ?? '',
        count: f.count ?? 1, first: f.first ?? f.time, last: f.last ?? f.time,
      })),
    };
    this.cached = { version: this.store.version, timeline, findings, report, slots: slotStrengths(ctx) };
    return this.cached;
  }

  /** From when the locks' live protocol events are in the stream (see AuditOptions.protocolEventsSince). */
  private protocolSince(): number | null {
    if (this.protocolEventsSince !== null) return this.protocolEventsSince;
    const log = this.store.access;
    for (let i = 0; i < log.length; i++) {
      if (log.via(i) === 'protocol' && protocol(this.index.byEntity.get(log.lock(i))?.protocol).eventTypes.length > 0) return this.store.earliest;
    }
    return null;
  }

  /** Persons' states over time, as shown: masked like every text from the house. */
  private maskedTracks(): Map<string, StateChange[]> {
    if (this.mask.empty) return this.store.tracks;
    const m = this.mask;
    return new Map([...this.store.tracks].map(([id, list]) => [id, list.map((c) => ({ t: c.t, old: m.maybe(c.old), new: m.maybe(c.new) }))]));
  }

  private summary(l: Lock, timeline: Timeline): LockSummary {
    let last: AccessEvent | undefined;
    for (let i = timeline.length - 1; i >= 0; i--) {
      const kind = timeline.kind(i);
      if (timeline.lock(i) === l.entity_id && (kind === 'unlock' || kind === 'lock' || kind === 'failed')) { last = timeline.at(i); break; }
    }
    return {
      entity_id: l.entity_id, name: l.name, protocol: l.protocol, device_id: l.device_id, state: l.state,
      battery: l.battery, firmware: l.firmware,
      last_access: last ? {
        time: new Date(last.time).toISOString(), kind: last.kind, method: last.method, slot: last.slot,
        holder: this.holderOf(l.entity_id, last.slot)?.name ?? last.actor, success: last.success,
      } : null,
    };
  }
}
