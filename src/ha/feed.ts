// The live event feed: HA events a lock audit needs, delivered in HA's shape. The library re-subscribes after a
// reconnect. Non-admin users may only subscribe to allow-listed types (state_changed); refused types are reported.
import { subscribeEntities, type Connection, type HassEntities, type HassEvent as LibEvent } from 'home-assistant-js-websocket';
import type { HassEvent, HassState } from '../model/ha.js';
import { isHaError } from './command.js';

import { LOCK_EVENT_TYPES as PROTOCOL_EVENT_TYPES } from '../adapters/index.js';

export const LOCK_EVENT_TYPES: readonly string[] = ['state_changed', ...PROTOCOL_EVENT_TYPES];

export interface Feed {
  subscribed: string[];
  /** Event types HA refused this user (the audit knows nothing about them). */
  refused: string[];
  close(): Promise<void>;
}

export async function subscribeLockEvents(conn: Connection, onEvent: (e: HassEvent) => void): Promise<Feed> {
  const subscribed: string[] = [];
  const refused: string[] = [];
  const unsubs: (() => Promise<void>)[] = [];
  for (const type of LOCK_EVENT_TYPES) {
    try {
      unsubs.push(await conn.subscribeEvents<LibEvent>((e) => onEvent(e as unknown as HassEvent), type));
      subscribed.push(type);
    } catch (e) {
      if (isHaError(e) && e.code === 'unauthorized') refused.push(type);
      else throw e;
    }
  }
  return {
    subscribed,
    refused,
    async close() {
      await Promise.all(unsubs.map((u) => u().catch(() => undefined)));
    },
  };
}

/** HA's entity map (subscribe_entities, kept current by the library) as the state list the engine reads. */
export function statesOf(entities: HassEntities): HassState[] {
  return Object.values(entities).map((e) => ({
    entity_id: e.entity_id, state: e.state, attributes: e.attributes as Record<string, unknown>,
    last_changed: e.last_changed, last_updated: e.last_updated, context: e.context,
  }));
}

/** Live states (subscribe_entities): `onStates` gets the whole house after every change. Returns the unsubscribe. */
export function subscribeStates(conn: Connection, onStates: (states: HassState[]) => void): () => void {
  return subscribeEntities(conn, (entities) => onStates(statesOf(entities)));
}
