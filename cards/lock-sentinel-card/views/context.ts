// What every view reads and the actions it may trigger. Views are render functions, not elements.
import type { AuditReport } from '../../../src/auditor.js';
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
  editing: SlotEdit | null;
  busy: boolean;
  now: number;
  /** Admin with HA's REST API at hand: may install the alert automations. */
  canInstall: boolean;
  /** What the last install of the alert automations did (null: none since the card started, or one under way). */
  installed: InstallResult | null;
  /** HA's notify services (without the domain; the alerts view offers the phones among them), and the ones chosen. */
  notifyServices: string[];
  notifyChosen: ReadonlySet<string>;
  /** Where the code registry is stored: per user on HA without frontend/*_system_data. */
  storagePerUser: boolean;
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
    editSlot(edit: SlotEdit | null): void;
    deleteSlot(lock: string, slot: number): void;
    /** Opens the "Set a new code" dialog for a slot (null: the admin picks the slot). Admins only. */
    setCode(lock: string, slot: number | null): void;
    filter(change: Partial<TimelineFilter>): void;
    downloadCsv(): void;
    /** Installs the alert automations, also notifying these notify.* services. Admins only. */
    installAlerts(notify: string[]): void;
    chooseNotify(target: string, on: boolean): void;
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
