// The typed boundary of every snapshot: checks the shape of each field the engine reads before anything reads it,
// and reads times without a zone in Home Assistant's configured zone (never the machine's). Errors are one line,
// meant for the user, and name where the problem is, never the value (it may be a PIN).
import type { HassEvent, SnapshotHeader } from './ha.js';
import { parseHaTime, TimeZone } from '../time/zone.js';

export class SnapshotError extends Error {}

export type Obj = Record<string, unknown>;
export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const fail = (msg: string): never => { throw new SnapshotError(`snapshot ${msg}`); };

/** Entity ids as Home Assistant makes them (domain.object_id). */
export const ENTITY_ID = /^[a-z0-9_]+\.[a-z0-9_]+$/;
export const LOCK_ID = /^lock\.[a-z0-9_]+$/;
/** Device ids as Home Assistant makes them (hex); they go unquoted into generated templates. */
export const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const optDeviceId = (v: unknown) => v === undefined || v === null || typeof v === 'string' && DEVICE_ID.test(v);
/** Code slots: 1-based, as Z-Wave (up to 65535 users), ZHA and Zigbee2MQTT number them. */
export const isSlot = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 && n <= 65_535;
export const SLOT_KEY = /^[1-9]\d{0,4}$/;

export const optString = (v: unknown) => v === undefined || v === null || typeof v === 'string';
export const optBool = (v: unknown) => v === undefined || typeof v === 'boolean';

/** Fields only an administrator can read (codes read back, their slot ranges, the user list, the automations). */
export const ADMIN_FIELDS = ['usercodes', 'usercode_slots', 'users', 'automations'] as const;

/** Checks the admin fields of a header (validate-admin.ts: it comes with the admin rules). */
export type AdminValidator = (h: Obj) => void;

export function list(h: Obj, key: string, each: (e: Obj, at: string) => void): void {
  const v = h[key];
  if (v === undefined) return;
  if (!Array.isArray(v)) fail(`"${key}" must be a list`);
  (v as unknown[]).forEach((e, i) => {
    const at = `"${key}[${i}]"`;
    if (!isObject(e)) fail(`${at} must be an object`);
    each(e as Obj, at);
  });
}

/** A time from the snapshot as zoned ISO; zone-less times are read in HA's zone. */
function time(v: unknown, at: string, tz: TimeZone, nullable: boolean): string | null {
  if ((v === null || v === undefined) && nullable) return null;
  const ms = parseHaTime(v, tz);
  // Beyond ±8.64e15 ms a Date is invalid (a number like 1e20 is no time).
  if (typeof v !== 'string' || !(Math.abs(ms) <= 8.64e15)) fail(`${at} must be an ISO 8601 date-time (e.g. 2026-11-20T18:00:00+01:00)`);
  // Zoned times stay as written; a zone-less time becomes the instant it means in HA's zone.
  return typeof v === 'string' && !Number.isNaN(parseHaTime(v)) ? v : new Date(ms).toISOString();
}

/** Deeper than any Home Assistant payload; a value nested deeper overflowed the stack of the code that walks it. */
export const MAX_NESTING = 100;

/** Is `v` nested deeper than `max` levels? The recursion stops at `max`, so any depth is measured safely. */
export function nestedDeeperThan(v: unknown, max: number): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (max <= 0) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (nestedDeeperThan(v[i], max - 1)) return true;
  } else {
    for (const k in v) if (nestedDeeperThan((v as Obj)[k], max - 1)) return true;
  }
  return false;
}

/**
 * Checks a header; `admin` checks the fields only an administrator reads (validate-admin.ts, with the admin rules): a
 * header that holds them is refused without it, never read unchecked.
 */
export function validateHeader(h: unknown, admin: AdminValidator | null = null): asserts h is SnapshotHeader {
  if (!isObject(h)) throw new SnapshotError('snapshot is not a JSON object');
  if (nestedDeeperThan(h, MAX_NESTING)) fail(`is nested more than ${MAX_NESTING} levels deep`);
  if (h.version !== 1) fail('version is not supported (expected 1)');
  if (!isObject(h.config) || typeof h.config.time_zone !== 'string') fail('"config.time_zone" must be a string');
  let tz: TimeZone;
  try {
    tz = new TimeZone((h.config as Obj).time_zone as string);
  } catch {
    return fail('"config.time_zone" is not a known IANA time zone');
  }
  if (!optString((h.config as Obj).location_name)) fail('"config.location_name" must be a string');
  h.captured_at = time(h.captured_at, '"captured_at"', tz, false);
  if (!Array.isArray(h.states)) fail('"states" must be a list of HA state objects');
  (h.states as unknown[]).forEach((s, i) => {
    if (!isObject(s) || typeof s.entity_id !== 'string' || !ENTITY_ID.test(s.entity_id) || typeof s.state !== 'string') {
      fail(`"states[${i}]" is not an HA state object (entity_id like domain.name, state a string)`);
    }
    const st = s as Obj;
    if (st.attributes === undefined) st.attributes = {};
    else if (!isObject(st.attributes)) fail(`"states[${i}].attributes" must be an object`);
    for (const k of ['last_changed', 'last_updated'] as const) {
      if (st[k] !== undefined && st[k] !== null) st[k] = time(st[k], `"states[${i}].${k}"`, tz, false);
    }
  });
  list(h, 'entity_registry', (e, at) => {
    if (typeof e.entity_id !== 'string' || !optString(e.platform) || !optString(e.device_id) || !optString(e.disabled_by)
      || !optString(e.name) || !optString(e.original_name)) fail(`${at} needs entity_id (string), platform, device_id, name (strings or null)`);
    if (!optDeviceId(e.device_id)) fail(`${at}.device_id is not a Home Assistant device id (letters, digits, - and _)`);
  });
  list(h, 'device_registry', (d, at) => {
    if (typeof d.id !== 'string' || !DEVICE_ID.test(d.id) || !optString(d.name) || !optString(d.name_by_user) || !optString(d.manufacturer)
      || !optString(d.model) || !optString(d.sw_version)) fail(`${at} needs id (string) and names as strings or null`);
  });
  list(h, 'code_registry', (e, at) => {
    if (typeof e.lock !== 'string' || !LOCK_ID.test(e.lock)) fail(`${at}.lock must be a lock entity id (lock.name)`);
    if (!isSlot(e.slot)) fail(`${at}.slot must be a whole number from 1 to 65535`);
    if (typeof e.name !== 'string') fail(`${at}.name must be a string`);
    if (!optString(e.role)) fail(`${at}.role must be a string`);
    e.added = time(e.added, `${at}.added`, tz, true);
    e.expires = time(e.expires, `${at}.expires`, tz, true);
    // A slot counts as set strong only with a real date ("1" or 5 is none: Date.parse would read them as 2001).
    if (e.set_strong !== undefined) e.set_strong = time(e.set_strong, `${at}.set_strong`, tz, true);
  });
  list(h, 'reviews', (r, at) => {
    r.time = time(r.time, `${at}.time`, tz, false);
    if (!optString(r.user)) fail(`${at}.user must be a string`);
  });
  if (h.current_user !== undefined) {
    const u = h.current_user;
    if (!isObject(u) || typeof u.id !== 'string' || !optString(u.name) || !optBool(u.is_admin)) fail('"current_user" needs id and name');
    const mfa = (u as Obj).mfa_modules;
    if (mfa !== undefined && (!Array.isArray(mfa) || !mfa.every((m) => isObject(m) && typeof m.enabled === 'boolean'))) {
      fail('"current_user.mfa_modules" must be a list of {id, name, enabled}');
    }
  }
  if (h.checklist !== undefined && (!isObject(h.checklist) || !Object.values(h.checklist).every((v) => typeof v === 'boolean'))) {
    fail('"checklist" must map item ids to true or false');
  }
  // What only an administrator reads is checked by what comes with its rules (validate-admin.ts, rules/admin.ts).
  if (admin) admin(h);
  else if (ADMIN_FIELDS.some((k) => h[k] !== undefined)) throw new Error('Codes, users or automations need the admin rules (AuditOptions.adminRules)');
  if (h.events !== undefined && !Array.isArray(h.events)) fail('"events" must be a list');
}

/** One HA event from a snapshot or a stream: the shape the store reads; `n` is its 0-based position. */
export function validateEvent(v: unknown, n: number): asserts v is HassEvent {
  const at = `event #${n + 1}`;
  if (!isObject(v) || typeof v.event_type !== 'string') throw new SnapshotError(`${at} is not an HA event object (event_type, data, time_fired)`);
  if (v.data !== undefined && !isObject(v.data)) throw new SnapshotError(`${at}: "data" must be an object`);
  if (v.event_type !== 'state_changed' && nestedDeeperThan(v.data, MAX_NESTING)) throw new SnapshotError(`${at} is nested more than ${MAX_NESTING} levels deep`);
  if (v.context !== undefined && v.context !== null && (!isObject(v.context) || !optString(v.context.id))) {
    throw new SnapshotError(`${at}: "context" must be an object with an id`);
  }
  if (Number.isNaN(parseHaTime(v.time_fired))) {
    throw new SnapshotError(`${at}: "time_fired" must be an ISO 8601 date-time with its zone, as Home Assistant writes it`);
  }
}
