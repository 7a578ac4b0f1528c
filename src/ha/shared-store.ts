// The shared data (code registry, checklist, review marks, acknowledged alerts; never a PIN) lives in HA, shared by
// the household's admins: in frontend/*_system_data where HA has it; on older HA (2025.4) in the config of an
// admin-only storage dashboard of its own (only admins may write a dashboard); only where neither exists, in
// frontend/*_user_data (per user, and the card says so).
// Used by the card and the CLI alike (set-code records the slot it set; capture reads the registry).
import { errorCode, type ChecklistAnswers, type CodeRegistryEntry, type ReviewMark, type WsCall } from '../model/ha.js';

/** Key of the shared data in frontend/*_data. */
export const STORAGE_KEY = 'lock_sentinel';
/** The admin-only dashboard whose config holds the shared data where HA has no frontend/*_system_data (2025.4). */
export const DATA_DASHBOARD = 'lock-sentinel-data';

/** What the household's admins share in HA: the code registry, checklist, review marks, acknowledged alerts. */
export interface SharedData {
  code_registry: CodeRegistryEntry[];
  checklist: ChecklistAnswers;
  reviews: ReviewMark[];
  acknowledged: string[];
}

export const EMPTY_SHARED: SharedData = Object.freeze({ code_registry: [], checklist: {}, reviews: [], acknowledged: [] });

/** Whatever holds the one websocket call (the card's hass, the CLI's connection wrapped). */
export interface CallWs {
  callWS: WsCall;
}

export type StorageMode = 'system' | 'dashboard' | 'user';

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** Reads stored data defensively: anything malformed becomes empty, never a crash. */
export function parseShared(value: unknown): SharedData {
  const v = obj(value);
  const checklist: ChecklistAnswers = {};
  for (const [k, b] of Object.entries(obj(v.checklist))) if (typeof b === 'boolean') checklist[k] = b;
  return {
    code_registry: arr<CodeRegistryEntry>(v.code_registry).filter(
      (e) => typeof e?.lock === 'string' && Number.isInteger(e.slot) && typeof e.name === 'string',
    ),
    checklist,
    reviews: arr<ReviewMark>(v.reviews).filter((r) => typeof r?.time === 'string'),
    acknowledged: arr<unknown>(v.acknowledged).filter((a): a is string => typeof a === 'string'),
  };
}

/** An admin-only dashboard's config, as the data dashboard holds the shared data in it. */
export type DashboardConfig = Record<string, unknown> & { [STORAGE_KEY]?: unknown };

export class SharedStore {
  mode: StorageMode = 'system';

  constructor(private readonly hass: () => CallWs) {}

  async load(): Promise<SharedData> {
    try {
      const r = await this.hass().callWS<{ value: unknown }>({ type: 'frontend/get_system_data', key: STORAGE_KEY });
      this.mode = 'system';
      return parseShared(r?.value);
    } catch (err) {
      if (errorCode(err) !== 'unknown_command') throw err;
    }
    try {
      const config = await this.hass().callWS<DashboardConfig>({ type: 'lovelace/config', url_path: DATA_DASHBOARD });
      this.mode = 'dashboard';
      if (config?.[STORAGE_KEY] !== undefined) return parseShared(config[STORAGE_KEY]);
    } catch (err) {
      // No such dashboard yet (the first save creates it), or no storage dashboards at all (then per user).
      this.mode = errorCode(err) === 'config_not_found' ? 'dashboard' : 'user';
    }
    // Nothing shared yet: what this user kept before (older versions of the card) is carried over on the next save.
    const r = await this.hass().callWS<{ value: unknown }>({ type: 'frontend/get_user_data', key: STORAGE_KEY });
    return r?.value == null ? { ...EMPTY_SHARED } : parseShared(r.value);
  }

  /** Stores the shared data where it was found (shared-save.ts, loaded with the first change: reading needs none of it). */
  async save(data: SharedData): Promise<void> {
    await (await import('./shared-save.js')).saveShared(this.hass(), this.mode, data);
  }
}
