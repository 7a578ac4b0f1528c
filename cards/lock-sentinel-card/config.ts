// The card's config schema: one definition that types the config, validates setConfig and drives the editor.
import { VIEWS, type View } from './const.js';
import { THRESHOLD_OPTIONS, THRESHOLDS, type ThresholdConfigKey, type Thresholds } from '../../src/thresholds.js';

export type Field =
  | { name: string; kind: 'string' }
  | { name: string; kind: 'enum'; options: readonly string[]; default: string }
  | { name: string; kind: 'integer'; min: number; max: number; default: number }
  | { name: string; kind: 'locks' }
  | { name: string; kind: 'views'; options: readonly string[] };

export const FIELDS = [
  { name: 'title', kind: 'string' },
  { name: 'entities', kind: 'locks' },
  { name: 'mode', kind: 'enum', options: ['full', 'compact'], default: 'full' },
  { name: 'view', kind: 'enum', options: VIEWS, default: 'overview' },
  { name: 'views', kind: 'views', options: VIEWS },
  { name: 'history_days', kind: 'integer', min: 1, max: 30, default: 7 },
  // The guide's thresholds (src/thresholds.ts), overridable per card.
  ...THRESHOLD_OPTIONS.map((o) => ({ name: o.config, kind: 'integer' as const, min: o.min, max: o.max, default: THRESHOLDS[o.key] })),
] as const satisfies readonly Field[];

export type LockSentinelConfig = ThresholdSettings & {
  type: string;
  title?: string;
  /** Lock entities to show; missing: every lock in the house. */
  entities?: string[];
  mode: 'full' | 'compact';
  view: View;
  /** The views offered as tabs, in this order (default: all); one view shows without tabs. */
  views: View[];
  history_days: number;
};

/** The thresholds this card may set, under their config keys. */
type ThresholdSettings = { [K in ThresholdConfigKey]: number };

/** The engine's thresholds as this card's config sets them. */
export function thresholdsOf(config: LockSentinelConfig): Partial<Thresholds> {
  return Object.fromEntries(THRESHOLD_OPTIONS.map((o) => [o.key, config[o.config]]));
}

/** Keys HA itself adds to every card's config; accepted and ignored. */
const HA_KEYS = new Set(['type', 'grid_options', 'layout_options', 'view_layout', 'visibility', 'card_mod']);

const fail = (msg: string): never => {
  throw new Error(`lock-sentinel-card: ${msg}`);
};

/** Validates a raw (possibly frozen) config and returns a new, complete one. Throws a one-line error. */
export function validateConfig(raw: unknown): LockSentinelConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('config must be an object');
  const input = raw as Record<string, unknown>;
  if (typeof input.type !== 'string' || !input.type) fail('config needs a "type"');
  const known = new Set<string>(FIELDS.map((f) => f.name));
  for (const key of Object.keys(input)) {
    if (!known.has(key) && !HA_KEYS.has(key)) fail(`unknown option "${key}"`);
  }
  const out: Record<string, unknown> = { type: input.type };
  for (const field of FIELDS as readonly Field[]) {
    const value = input[field.name];
    if (value === undefined || value === null) {
      if ('default' in field) out[field.name] = field.default;
      continue;
    }
    switch (field.kind) {
      case 'string':
        if (typeof value !== 'string') fail(`"${field.name}" must be text`);
        out[field.name] = value;
        break;
      case 'enum':
        if (typeof value !== 'string' || !field.options.includes(value)) {
          fail(`"${field.name}" must be one of ${field.options.join(', ')}`);
        }
        out[field.name] = value;
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < field.min || value > field.max) {
          fail(`"${field.name}" must be a whole number from ${field.min} to ${field.max}`);
        }
        out[field.name] = value;
        break;
      case 'views': {
        const list = typeof value === 'string' ? [value] : value;
        if (!Array.isArray(list) || !list.length || list.some((v) => typeof v !== 'string' || !field.options.includes(v))) {
          fail(`"${field.name}" must be a list of ${field.options.join(', ')}`);
        }
        out[field.name] = [...new Set(list as string[])];
        break;
      }
      case 'locks': {
        const list = typeof value === 'string' ? [value] : value;
        if (!Array.isArray(list) || list.some((e) => typeof e !== 'string' || !/^lock\.[a-z0-9_]+$/.test(e))) {
          fail(`"${field.name}" must be a list of lock entity ids (lock.xxx)`);
        }
        if ((list as string[]).length) out[field.name] = [...(list as string[])];
        break;
      }
    }
  }
  out.views ??= [...VIEWS];
  // The first view must be one of the views shown.
  if (input.view === undefined && !(out.views as string[]).includes(out.view as string)) out.view = (out.views as string[])[0];
  if (!(out.views as string[]).includes(out.view as string)) fail(`"view" must be one of the "views" shown`);
  return out as unknown as LockSentinelConfig;
}
