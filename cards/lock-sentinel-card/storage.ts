// The shared data lives in HA: frontend/*_system_data (shared by all admins) where HA has it,
// else frontend/*_user_data (HA 2025.4 and older: per user, so each admin keeps their own copy).
import type { ChecklistAnswers, CodeRegistryEntry, ReviewMark } from '../../src/model/ha.js';
import { STORAGE_KEY } from './const.js';
import { EMPTY_SHARED, type SharedData } from './header.js';
import { errorCode, type HomeAssistant } from './hass.js';

export type StorageMode = 'system' | 'user';

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

export class SharedStore {
  mode: StorageMode = 'system';

  constructor(private readonly hass: () => Pick<HomeAssistant, 'callWS'>) {}

  async load(): Promise<SharedData> {
    try {
      const r = await this.hass().callWS<{ value: unknown }>({ type: 'frontend/get_system_data', key: STORAGE_KEY });
      this.mode = 'system';
      return parseShared(r?.value);
    } catch (err) {
      if (errorCode(err) !== 'unknown_command') throw err;
    }
    this.mode = 'user';
    const r = await this.hass().callWS<{ value: unknown }>({ type: 'frontend/get_user_data', key: STORAGE_KEY });
    return r?.value == null ? { ...EMPTY_SHARED } : parseShared(r.value);
  }

  async save(data: SharedData): Promise<void> {
    await this.hass().callWS({ type: `frontend/set_${this.mode}_data`, key: STORAGE_KEY, value: data });
  }
}
