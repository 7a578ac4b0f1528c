// The live event feed: HA events a lock audit needs, delivered in HA's shape, for the card (the locks' protocol
// events; its states come with `hass`) and any live reader over a home-assistant-js-websocket Connection (which
// re-subscribes after a reconnect). Non-admin users may only subscribe to allow-listed types (state_changed);
// refused types are reported, never thrown.
import type { HassEvent } from '../model/ha.js';
import { isHaError } from './command.js';

import { lockEventTypes } from '../adapters/index.js';

/** State changes and the registered protocols' bus events (read when asked: a protocol may be registered later). */
export const allLockEventTypes = (): string[] => ['state_changed', ...lockEventTypes()];
/** Only the registered protocols' bus events (admin-only subscriptions). */
export { lockEventTypes as protocolEventTypes };

/** What subscribes to HA bus events: the library's Connection, the frontend's hass.connection. */
export interface EventSource {
  subscribeEvents<T>(callback: (event: T) => void, eventType?: string): Promise<() => Promise<void> | void>;
}

export interface Feed {
  subscribed: string[];
  /** Event types HA refused this user (the audit knows nothing about them). */
  refused: string[];
  close(): Promise<void>;
}

/** Subscribes to each type; a refusal is reported in `refused`, any other error closes what was opened and is thrown. */
export async function subscribeLockEvents(
  conn: EventSource, onEvent: (e: HassEvent) => void, types: readonly string[] = allLockEventTypes(),
): Promise<Feed> {
  const subscribed: string[] = [];
  const refused: string[] = [];
  const unsubs: (() => Promise<void> | void)[] = [];
  const close = async () => {
    await Promise.all(unsubs.map((u) => Promise.resolve().then(u).catch(() => undefined)));
  };
  for (const type of types) {
    try {
      unsubs.push(await conn.subscribeEvents<HassEvent>((e) => onEvent(e), type));
      subscribed.push(type);
    } catch (e) {
      if (isHaError(e) && e.code === 'unauthorized') {
        refused.push(type);
        continue;
      }
      await close();
      throw e;
    }
  }
  return { subscribed, refused, close };
}
