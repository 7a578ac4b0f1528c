// The card's live audit: loads history once, keeps it current from the live subscription, owns the Auditor.
// No DOM; the element only asks it for data and tells it what the user did.
import { discoverLocks } from '../../../src/adapters/discovery.js';
import { Auditor, houseView, type AuditReport, type AuditWords } from '../../../src/auditor.js';
import type { CodeRegistryEntry, HassEvent, HassState } from '../../../src/model/ha.js';
import { slotKey, type AccessEvent, type Lock, type SlotStrength } from '../../../src/model/lock.js';
import type { AdminHost } from './admin-session.js';
import { thresholdsOf, type LockSentinelConfig } from '../config.js';
import { withThresholds, type Thresholds } from '../../../src/thresholds.js';
import { protocolEventTypes, subscribeLockEvents } from '../../../src/ha/feed.js';
import { loadProtocols, PROTOCOLS } from '../../../src/adapters/index.js';
import { buildHeader, EMPTY_SHARED, lockPlatforms, selectLocks, watchedEntities, type AdminData, type SharedData } from './header.js';
import { errorMessage, type HomeAssistant, type Unsubscribe } from './hass.js';
import { EventLog } from './history.js';
import { historyEntities, historyEvents } from '../../../src/ha/history.js';
import { SharedStore, type StorageMode } from './storage.js';
import type { CodeCheck } from '../../../src/rules/code-strength.js';
import type { AdminRules } from '../../../src/rules/rules.js';

/** The administrator's side (codes, set and clear, alert install): loaded on an admin's first use. */
const adminSide = () => import('./admin-session.js');

/** Things the card tells the user it could not do (translation keys). */
export type Notice = 'protocol_events_unavailable' | 'storage_unavailable' | 'usercodes_failed' | 'history_failed';

/** A history load HA refused (HA still starting: its history API not up yet) is tried again after this, doubling. */
export const HISTORY_RETRY = { firstMs: 2_000, maxMs: 60_000 };

/** A protocol module that did not load (a dropped connection) is asked for again after this. */
export const PROTOCOL_RETRY_MS = 5_000;

export class AuditSession implements AdminHost {
  status: 'loading' | 'ready' = 'loading';
  locks: Lock[] = [];
  /** Every lock of the house (alerts are installed for all of them, whatever the card shows). */
  allLocks: Lock[] = [];
  /** The code registry as shown (holders masked), for the alerts. */
  registryShown: CodeRegistryEntry[] = [];
  missing: string[] = [];
  watched = new Set<string>();
  report: AuditReport | null = null;
  timeline: AccessEvent[] = [];
  shared: SharedData = EMPTY_SHARED;
  notices = new Set<Notice>();
  inUse = new Map<string, number[]>();
  verdicts = new Map<string, CodeCheck>();
  /** How each known slot's strength is known, as the engine judges it (read, set strong through the gate, unknown). */
  strengths = new Map<string, SlotStrength>();
  usercodeLocks = new Set<string>();
  error: string | null = null;

  private readonly log = new EventLog();
  private readonly store: SharedStore;
  /** What only an admin reads (codes, users, automations): data/admin-session.ts fills it. */
  admin: AdminData = {};
  /** The rules over the admin data, loaded with it (admins only). */
  adminRules: AdminRules | null = null;
  /** The report's words, once a view that shows them loaded them (the first screen needs none). */
  private words: AuditWords | null = null;
  private auditor: Auditor | null = null;
  /** Log events the Auditor has read, and what it was built from (a change of these needs a new one). */
  private fed = 0;
  private basis: unknown[] = [];
  /** Auditors built so far (a new one reads every event again). */
  rebuilds = 0;
  private buffer: HassEvent[] | null = [];
  private unsubs: Unsubscribe[] = [];
  private historyUntil = 0;
  /** The entities whose history is loaded for the window up to `historyUntil` (one that appears later loads its own). */
  private readonly historyLoaded = new Set<string>();
  /** One history load at a time: each computes, when it runs, what is not loaded yet. */
  private historyRun: Promise<void> = Promise.resolve();
  private historyQueued = false;
  /** The next try of a failed history load (null: none pending), and the wait before the one after. */
  private historyRetry: ReturnType<typeof setTimeout> | null = null;
  private historyRetryMs = HISTORY_RETRY.firstMs;
  /** Locks whose codes read failed, with the lock's state at the time: read again once the lock is back. */
  readonly codesFailed = new Map<string, HassState | undefined>();
  /** The admin read failed as a whole (its notice stays: nothing per lock to read again). */
  adminFailed = false;
  /** A read of codes the card could not read before is under way (data/admin-session.ts: catchUpCodes). */
  codesRetrying = false;
  /** Locks whose codes the card has tried to read (a lock that appeared after the first read is read once it is up). */
  readonly codesTried = new Set<string>();
  /** Lock entities HA knows (registry, or the card's config) that have no state yet: their arrival matters to the card. */
  awaiting: string[] = [];
  /** Since when the locks' protocol events reach the card live (null: not subscribed). */
  private protocolSince: number | null = null;
  /** The protocol event types subscribed to (a protocol loaded later adds its own). */
  private readonly subscribedTypes = new Set<string>();
  private subscribed = false;
  /** The house's protocol modules loading (null: none is). */
  private protocolsLoad: Promise<void> | null = null;
  private protocolRetry: ReturnType<typeof setTimeout> | null = null;
  running = false;
  private loaded = false;

  constructor(
    readonly hass: () => HomeAssistant,
    private readonly config: () => LockSentinelConfig,
    private readonly changed: () => void,
  ) {
    this.store = new SharedStore(hass);
  }

  get storageMode(): StorageMode {
    return this.store.mode;
  }

  /** The thresholds of this card's audit, alerts and marks: the card's config over the guide's. */
  get thresholds(): Readonly<Thresholds> {
    return withThresholds(thresholdsOf(this.config()));
  }

  get isAdmin(): boolean {
    return this.hass().user?.is_admin === true;
  }

  /**
   * Brings the audit up to date with the current hass. When only states changed, the running Auditor takes the new
   * states and the events not yet read (incremental); registries, the shared or admin data, the lock selection or the
   * thresholds changing need a new Auditor, which reads every event again.
   */
  refresh(now = Date.now()): void {
    const hass = this.hass();
    // A lock whose protocol is not loaded yet is read once it is: no audit before, never one that misreads it.
    if (this.loadProtocols()) return;
    const header = buildHeader(hass, this.shared, this.admin, now);
    try {
      // Lock and holder names as every face shows them (a code in them masked): the views and the alerts read these.
      const shown = houseView(header, this.adminRules);
      this.allLocks = discoverLocks(shown);
      this.registryShown = shown.code_registry ?? [];
      const sel = selectLocks(this.allLocks, this.config().entities);
      const keep = new Set(sel.locks.map((l) => l.entity_id));
      header.states = header.states.filter((s) => !s.entity_id.startsWith('lock.') || keep.has(s.entity_id));
      this.locks = sel.locks;
      this.missing = sel.missing;
      this.watched = watchedEntities(this.locks, Object.keys(hass.states));
      this.awaiting = [...new Set([...Object.keys(hass.entities ?? {}).filter((id) => id.startsWith('lock.')), ...this.missing])]
        .filter((id) => !hass.states[id]);
      const basis = [PROTOCOLS.length, hass.entities, hass.devices, hass.config, hass.user, this.shared, this.admin, this.adminRules, this.config().entities, JSON.stringify(this.thresholds), this.protocolSince];
      if (this.auditor && basis.length === this.basis.length && basis.every((b, i) => b === this.basis[i])) {
        this.auditor.updateStates(header.states, header.captured_at);
      } else {
        this.auditor = new Auditor(header, {
          thresholds: this.thresholds, ...(this.protocolSince === null ? {} : { protocolEventsSince: this.protocolSince }),
          ...(this.adminRules ? { adminRules: this.adminRules } : {}), ...(this.words ? { words: this.words } : {}),
        });
        this.fed = 0;
        this.rebuilds++;
      }
      this.basis = basis;
      this.feed();
      this.evaluate();
      this.error = null;
    } catch (err) {
      this.error = errorMessage(err);
    }
    if (this.status === 'ready' && this.running) this.catchUp();
  }

  /**
   * What the card could not load when it started (HA still starting: locks not there yet, or not answering): the
   * history of entities that appeared since, and the codes of locks whose read failed once they are available again.
   */
  private catchUp(): void {
    const ids = historyEntities(this.locks, Object.values(this.hass().states));
    if (this.historyRetry === null && ids.some((id) => !this.historyLoaded.has(id))) {
      void this.loadHistory().then(() => this.settle());
    }
    // Which locks' codes to read again is the admin side's (loaded with the admin data when the card started).
    if (this.isAdmin && this.loaded && !this.codesRetrying) void adminSide().then((a) => a.catchUpCodes(this));
  }

  /** After a load in the background: the audit and the card take what it brought. */
  settle(): void {
    if (!this.running) return;
    this.refresh();
    this.changed();
  }

  /** The report in words from now on (a view that shows them loaded them): told again, no event read again. */
  useWords(words: AuditWords): void {
    if (this.words === words) return;
    this.words = words;
    if (!this.auditor) return;
    this.auditor.useWords(words);
    this.evaluate();
  }

  /** Gives the Auditor the logged events it has not read yet. */
  private feed(): void {
    const auditor = this.auditor;
    if (!auditor) return;
    for (; this.fed < this.log.events.length; this.fed++) auditor.addEvent(this.log.events[this.fed]);
  }

  private evaluate(): void {
    if (!this.auditor) return;
    this.report = this.auditor.report();
    this.timeline = this.auditor.timeline();
    this.strengths = new Map(this.auditor.slotStrengths().map((x) => [slotKey(x.lock, x.slot), x]));
  }

  /** The whole audit trail of the loaded period, for the CSV export. */
  get auditorInstance(): Auditor | null {
    return this.auditor;
  }

  /**
   * Loads the protocols of the house's locks (src/adapters/index.ts): the audit waits for them, an admin's feed then
   * takes their events too. One that failed to load is asked for again after PROTOCOL_RETRY_MS.
   */
  private loadProtocols(): Promise<void> | null {
    const load = loadProtocols(lockPlatforms(this.hass()));
    if (!load) return null;
    this.protocolsLoad ??= load.then(async () => {
      this.protocolsLoad = null;
      if (this.running && this.status === 'ready') await this.subscribe();
      this.settle();
    }, () => {
      this.protocolsLoad = null;
      if (this.running && this.protocolRetry === null) {
        this.protocolRetry = setTimeout(() => {
          this.protocolRetry = null;
          if (this.running) void this.loadProtocols();
        }, PROTOCOL_RETRY_MS);
      }
    });
    return this.protocolsLoad;
  }

  /** Loads the house's protocols, subscribes (events are buffered), loads what is loaded once, then the history not yet loaded. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.buffer = [];
    await this.loadProtocols();
    this.refresh();
    await this.subscribe();
    if (!this.loaded) {
      await this.loadShared();
      if (this.isAdmin) await this.loadAdminData();
      this.loaded = true;
      this.refresh();
    }
    await this.loadHistory();
    const buffered = this.buffer ?? [];
    this.buffer = null;
    for (const e of buffered) this.log.add(e);
    this.status = 'ready';
    this.refresh();
    this.changed();
  }

  stop(): void {
    this.running = false;
    if (this.historyRetry !== null) clearTimeout(this.historyRetry);
    this.historyRetry = null;
    if (this.protocolRetry !== null) clearTimeout(this.protocolRetry);
    this.protocolRetry = null;
    const unsubs = this.unsubs;
    this.unsubs = [];
    // A start after this subscribes to every type again.
    this.subscribedTypes.clear();
    this.subscribed = false;
    for (const u of unsubs) void Promise.resolve(u()).catch(() => undefined);
  }

  private async loadShared(): Promise<void> {
    try {
      this.shared = await this.store.load();
    } catch {
      this.notices.add('storage_unavailable');
    }
  }

  /**
   * Changes of the card's own entities, read from HA's state updates of `hass` (which the frontend already receives):
   * the card needs no state_changed subscription of its own, so no traffic for the rest of the house.
   */
  recordStateChanges(before: HomeAssistant['states'], after: HomeAssistant['states']): void {
    for (const id of this.watched) {
      const old = before[id] ?? null;
      const next = after[id] ?? null;
      if (old === next) continue;
      const e: HassEvent = {
        event_type: 'state_changed', origin: 'LOCAL', data: { entity_id: id, old_state: old, new_state: next },
        time_fired: next?.last_updated ?? old?.last_updated ?? new Date().toISOString(),
      };
      if (this.buffer) this.buffer.push(e);
      else this.log.add(e);
    }
  }

  /**
   * Subscribes to the loaded protocols' bus events not subscribed yet (a protocol loaded later, for a lock added, adds
   * its own). Only admins may: state changes come with `hass` (recordStateChanges).
   */
  private async subscribe(): Promise<void> {
    const types = this.isAdmin ? protocolEventTypes().filter((t) => !this.subscribedTypes.has(t)) : [];
    if (this.subscribed && !types.length) return;
    this.subscribed = true;
    const since = Date.now();
    let all = this.isAdmin;
    try {
      const feed = await subscribeLockEvents(this.hass().connection, (e) => this.onEvent(e), types);
      if (this.running) this.unsubs.push(() => feed.close());
      else void feed.close();
      for (const t of feed.subscribed) this.subscribedTypes.add(t);
      if (feed.refused.length) all = false;
    } catch {
      all = false;
    }
    if (!all) this.notices.add('protocol_events_unavailable');
    // Each (re)subscription starts the window again: protocol events missed while disconnected are in no history.
    this.protocolSince = all ? since : null;
  }

  private onEvent(e: HassEvent): void {
    // A stopped session takes nothing: home-assistant-js-websocket subscribes again after a reconnect to what was
    // unsubscribed while it was disconnected.
    if (!this.running) return;
    if (this.buffer) {
      this.buffer.push(e);
      return;
    }
    if (!this.log.add(e) || !this.auditor) return;
    this.feed();
    this.evaluate();
    this.changed();
  }

  /** History not yet loaded, one load at a time (a load asked for while one waits to run is that one). */
  private loadHistory(): Promise<void> {
    if (!this.historyQueued) {
      this.historyQueued = true;
      this.historyRun = this.historyRun.then(() => {
        this.historyQueued = false;
        return this.loadHistoryNow();
      });
    }
    return this.historyRun;
  }

  /**
   * The history the log lacks: for entities loaded before, the period since (after a reconnect, the gap); for
   * entities seen for the first time (a lock that appeared once HA had started it, a lock added), the whole window.
   */
  private async loadHistoryNow(): Promise<void> {
    const end = Date.now();
    const windowStart = end - this.config().history_days * 86_400_000;
    const ids = historyEntities(this.locks, Object.values(this.hass().states));
    const fresh = ids.filter((id) => !this.historyLoaded.has(id));
    const known = ids.filter((id) => this.historyLoaded.has(id));
    if (!ids.length) return;
    const hass = this.hass();
    const load = async (entities: string[], start: number) => {
      if (!entities.length) return;
      for (const e of await historyEvents((msg) => hass.callWS(msg), entities, new Date(start), new Date(end))) this.log.add(e);
    };
    try {
      await load(known, Math.max(windowStart, this.historyUntil));
      await load(fresh, windowStart);
    } catch {
      // Nothing marked loaded: the whole load is tried again later (HA may still be starting), not on every update.
      this.notices.add('history_failed');
      if (this.running && this.historyRetry === null) {
        this.historyRetry = setTimeout(() => {
          this.historyRetry = null;
          void this.loadHistory().then(() => this.settle());
        }, this.historyRetryMs);
        this.historyRetryMs = Math.min(this.historyRetryMs * 2, HISTORY_RETRY.maxMs);
      }
      return;
    }
    this.historyUntil = end;
    for (const id of fresh) this.historyLoaded.add(id);
    this.historyRetryMs = HISTORY_RETRY.firstMs;
    this.notices.delete('history_failed');
  }

  private async loadAdminData(): Promise<void> {
    try {
      await (await adminSide()).loadAdminData(this);
    } catch {
      this.adminFailed = true;
      this.notices.add('usercodes_failed');
    }
  }

  /** Applies a change to the shared data and stores it in HA. */
  async updateShared(change: (d: SharedData) => SharedData): Promise<void> {
    const next = change(this.shared);
    await this.store.save(next);
    this.shared = next;
    this.refresh();
  }
}
