// What every view reads and the actions it may trigger. Views are render functions, not elements.
import type { Auditor, AuditReport } from '../../../src/auditor.js';
import type { Change } from '../changes.js';
import { lockNameOf, type AccessEvent, type Lock, type SlotStrength } from '../../../src/model/lock.js';
import type { View } from '../const.js';
import type { Thresholds } from '../../../src/thresholds.js';
import type { Formatter } from '../format.js';
import type { InstallResult } from '../../../src/generate/installer.js';
import type { SharedData } from '../../../src/ha/shared-store.js';
import type { CodeCheck } from '../../../src/rules/code-strength.js';
import type { Translate } from '../i18n.js';
import type { TimelineFilter } from '../timeline.js';

/** A slot's code strength as the card shows it (never the code). */
export type SlotVerdict = CodeCheck;

export interface SlotEdit {
  lock: string;
  slot: number | null;
}

/**
 * What the views keep between renders: the card holds it (and renders again when it changes), the views that load on
 * demand decide what goes in it (on.keep).
 */
export interface Kept {
  /** The slot whose registry record is being edited. */
  editing: SlotEdit | null;
  /** The code "Delete this code?" asks about, until it is answered (the codes view shows it over any view). */
  confirm: { lock: string; slot: number } | null;
  /** The notify.* services chosen for the alert automations. */
  notify: ReadonlySet<string>;
}

export interface ViewContext {
  t: Translate;
  fmt: Formatter;
  report: AuditReport;
  /** The thresholds the audit ran with (the card's config over the guide's). */
  thresholds: Readonly<Thresholds>;
  locks: Lock[];
  timeline: AccessEvent[];
  shared: SharedData;
  admin: boolean;
  /** Usercodes were read (admins, Z-Wave): slot in-use status is known for these locks. */
  usercodeLocks: ReadonlySet<string>;
  inUse: ReadonlyMap<string, number[]>;
  verdicts: ReadonlyMap<string, SlotVerdict>;
  /** The engine's provenance of each known slot's strength, by `lock|slot`. */
  strengths: ReadonlyMap<string, SlotStrength>;
  filter: TimelineFilter;
  historyDays: number;
  /** The card's low-battery threshold (%). */
  lowBattery: number;
  kept: Kept;
  busy: boolean;
  now: number;
  /** Admin with HA's REST API at hand: may install the alert automations. */
  canInstall: boolean;
  /** What the last install of the alert automations did (null: none since the card started, or one under way). */
  installed: InstallResult | null;
  /** HA's notify services (without the domain): the alerts view offers the phones among them. */
  notifyServices: string[];
  /** Where the code registry is stored: per user on HA without frontend/*_system_data. */
  storagePerUser: boolean;
  /** The audit of the loaded period (the timeline's CSV export reads its trail). */
  auditor: Auditor | null;
  /** The user at the card (review marks are signed with the name). */
  userName: string | null;
  on: {
    /**
     * Stores a change of the shared data (data/changes.ts); `make` may refuse in words (thrown: shown as the card's
     * error); `done` runs once it is stored.
     */
    update(make: () => Change, done?: () => void): void;
    /** Opens HA's more-info dialog of an entity. */
    moreInfo(entityId: string): void;
    /** Switches the card to another of its views. */
    show(view: View): void;
    /** Changes what the views keep (a record edited, a question asked or answered, a phone chosen). */
    keep(change: Partial<Kept>): void;
    /** Clears a code on its lock and forgets its registry record. Admins only. */
    clearCode(lock: string, slot: number): void;
    /** Opens the "Set a new code" dialog for a slot (null: the admin picks the slot). Admins only. */
    setCode(lock: string, slot: number | null): void;
    filter(change: Partial<TimelineFilter>): void;
    /** Installs the alert automations, also notifying these notify.* services. Admins only. */
    installAlerts(notify: string[]): void;
  };
}

export { slotKey } from '../../../src/model/lock.js';

export function lockName(ctx: ViewContext, entityId: string | null): string {
  return entityId ? lockNameOf(ctx.locks, entityId) : '';
}

export function holder(ctx: ViewContext, lock: string, slot: number | null): string | null {
  if (slot === null) return null;
  return ctx.shared.code_registry.find((e) => e.lock === lock && e.slot === slot)?.name ?? null;
}
