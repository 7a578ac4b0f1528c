// The `lock-sentinel` dashboard strategy: a whole security dashboard built from the house as discovered.
// Pure and deterministic: HA regenerates a strategy dashboard when the entity or device registry changes and uses the
// new config only if it differs, so a lock added to the house gets its view without anything stored.
import { discoverLocks } from '../../src/adapters/discovery.js';
import type { Lock } from '../../src/model/lock.js';
import { CARD_TAG, STRATEGY_TYPE, type View } from './const.js';
import type { HomeAssistant } from './data/hass.js';
import { buildHeader, EMPTY_SHARED } from './data/header.js';
import type { Translate } from './i18n.js';

export const STRATEGY_TAG = `ll-strategy-dashboard-${STRATEGY_TYPE}`;

export interface CardConfig { type: string; [k: string]: unknown }
export interface SectionConfig { type: 'grid'; cards: CardConfig[] }
export interface ViewConfig { title: string; path: string; icon: string; type: 'sections'; max_columns?: number; sections: SectionConfig[] }
export interface DashboardConfig { title: string; views: ViewConfig[] }

const card = (views: View[], extra: Record<string, unknown> = {}): CardConfig =>
  ({ type: `custom:${CARD_TAG}`, ...extra, views, grid_options: { columns: 'full' } });

/** The path of a lock's view: its object id, made URL-safe. */
export const lockPath = (entityId: string) => `lock-${entityId.slice(entityId.indexOf('.') + 1).replace(/[^a-z0-9]+/g, '-')}`;

function lockView(lock: Lock): ViewConfig {
  // HA's own tiles for what HA already shows well (the lock with its commands, its battery, its firmware and door),
  // then this lock's alerts, codes and timeline.
  const tiles: CardConfig[] = [
    { type: 'tile', entity: lock.entity_id, features: [{ type: 'lock-commands' }], grid_options: { columns: 12 } },
    ...[lock.battery_entity, lock.firmware?.entity_id ?? null, lock.door_entity]
      .filter((e): e is string => !!e)
      .map((entity) => ({ type: 'tile', entity, grid_options: { columns: 6 } })),
  ];
  return {
    title: lock.name, path: lockPath(lock.entity_id), icon: 'mdi:lock', type: 'sections', max_columns: 2,
    sections: [
      { type: 'grid', cards: tiles },
      { type: 'grid', cards: [card(['alerts', 'codes', 'timeline'], { title: lock.name, entities: [lock.entity_id] })] },
    ],
  };
}

export function dashboardConfig(hass: HomeAssistant, t: Translate): DashboardConfig {
  // Discovery reads the states and registries only: a fixed time keeps the config equal while nothing changed.
  const locks = discoverLocks(buildHeader(hass, EMPTY_SHARED, {}, 0)).sort((a, b) => a.name.localeCompare(b.name));
  return {
    title: t('strategy.name'),
    views: [
      {
        title: t('strategy.overview'), path: 'overview', icon: 'mdi:shield-lock', type: 'sections', max_columns: 2,
        sections: [{ type: 'grid', cards: [card(['overview', 'alerts'])] }],
      },
      ...locks.map(lockView),
      {
        title: t('view.scorecard'), path: 'scorecard', icon: 'mdi:clipboard-check-outline', type: 'sections', max_columns: 2,
        sections: [{ type: 'grid', cards: [card(['scorecard'])] }],
      },
    ],
  };
}
