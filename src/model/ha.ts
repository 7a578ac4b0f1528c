// Home Assistant's own wire shapes, typed once. Everything the engine reads arrives in these shapes.

export interface HassContext {
  id: string;
  parent_id?: string | null;
  user_id?: string | null;
}

export interface HassState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed?: string;
  last_updated?: string;
  context?: HassContext;
}

export interface HassEvent {
  event_type: string;
  data: Record<string, unknown>;
  time_fired: string;
  origin?: string;
  context?: HassContext;
}

export interface StateChangedData {
  entity_id: string;
  old_state: HassState | null;
  new_state: HassState | null;
}

/** config/entity_registry/list entry (the fields we use). */
export interface EntityRegistryEntry {
  entity_id: string;
  platform: string;
  device_id: string | null;
  config_entry_id?: string | null;
  disabled_by?: string | null;
  unique_id?: string;
  name?: string | null;
  original_name?: string | null;
}

/** config/device_registry/list entry (the fields we use). */
export interface DeviceRegistryEntry {
  id: string;
  name: string | null;
  name_by_user?: string | null;
  manufacturer?: string | null;
  model?: string | null;
  sw_version?: string | null;
  identifiers?: [string, string][];
  config_entries?: string[];
}

/** config/auth/list entry. */
export interface HassUser {
  id: string;
  name: string | null;
  username?: string | null;
  is_owner: boolean;
  is_active: boolean;
  system_generated: boolean;
  group_ids: string[];
}

/** auth/current_user result. */
export interface HassCurrentUser {
  id: string;
  name: string | null;
  is_owner: boolean;
  is_admin: boolean;
  mfa_modules?: { id: string; name: string; enabled: boolean }[];
}

/** zwave_js.get_lock_usercode response for one lock, keyed by slot. */
/**
 * A lock's code slots by slot number (`zwave_js.get_lock_usercode`'s shape). `usercode` is empty where the lock does
 * not show the PIN; `name` is the lock's own name for the slot's user (Matter), house text that the engine masks.
 */
export type UsercodeResponse = Record<string, { usercode: string; in_use: boolean; name?: string }>;

/** Which slots of a lock were read: 1..`read`; `total` is how many the lock has (null: it does not say). */
export interface SlotRange {
  read: number;
  total: number | null;
}

export type CodeRole = 'family' | 'guest' | 'service' | 'admin';

/** Who holds which slot: recorded by the household's admins. */
export interface CodeRegistryEntry {
  lock: string;
  slot: number;
  name: string;
  role: CodeRole;
  added: string | null;
  expires: string | null;
  /** When Lock Sentinel set this slot's code through its strength gate (ISO); absent for codes set elsewhere. */
  set_strong?: string | null;
}

/** A "logs reviewed" mark set in the card's timeline. */
export interface ReviewMark {
  time: string;
  user?: string | null;
}

/** Self-reported checklist answers (things HA cannot see). true = done, false = not done. */
export type ChecklistAnswers = Record<string, boolean>;

export interface SnapshotHeader {
  version: 1;
  captured_at: string;
  config: { time_zone: string; [k: string]: unknown };
  states: HassState[];
  entity_registry?: EntityRegistryEntry[];
  device_registry?: DeviceRegistryEntry[];
  usercodes?: Record<string, UsercodeResponse>;
  /** Locks whose read covered only some slots (absent: every slot of each read lock was read). */
  usercode_slots?: Record<string, SlotRange>;
  code_registry?: CodeRegistryEntry[];
  users?: HassUser[];
  current_user?: HassCurrentUser;
  automations?: Record<string, unknown>[];
  /** Extension: review marks from the card (missing: the weekly-review check is unknown). */
  reviews?: ReviewMark[];
  /** Extension: the self-reported checklist. */
  checklist?: ChecklistAnswers;
}

export interface Snapshot extends SnapshotHeader {
  events?: HassEvent[];
}

/** A websocket command through whichever connection the caller has (the CLI's connection, the card's hass.callWS). */
export type WsCall = <T>(msg: { type: string; [key: string]: unknown }) => Promise<T>;

/** The `code` of an error HA's websocket API rejected a call with (`unknown_command`, `service_not_found`, …), else null. */
export const errorCode = (err: unknown): string | null =>
  typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : null;

/** "2026.3" <= "2026.11.0" (HA's year.month[.patch] versions; null when `version` is not one). */
export function releaseAtLeast(version: unknown, since: string): boolean | null {
  const parse = (v: unknown) => (typeof v === 'string' ? /^(\d+)\.(\d+)/.exec(v)?.slice(1).map(Number) ?? null : null);
  const [have, need] = [parse(version), parse(since)];
  if (!have || !need) return null;
  return have[0] > need[0] || have[0] === need[0] && have[1] >= need[1];
}
