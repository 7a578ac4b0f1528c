// The slice of the frontend's `hass` object this card reads, typed here on purpose:
// custom-card-helpers is not a dependency (its types lag current HA) and the card needs only this much.
import type { DeviceRegistryEntry, HassCurrentUser, HassEvent, HassState } from '../../../src/model/ha.js';

/** hass.entities: the frontend's entity registry display entry. */
export interface EntityDisplayEntry {
  entity_id: string;
  platform: string;
  device_id?: string | null;
  name?: string | null;
  hidden?: boolean;
  entity_category?: string | null;
}

/** hass.devices: the device registry entry (same shape as config/device_registry/list). */
export type DeviceEntry = DeviceRegistryEntry;

export type Unsubscribe = () => Promise<void> | void;

export interface HassConnection {
  subscribeEvents<T = HassEvent>(callback: (event: T) => void, eventType?: string): Promise<Unsubscribe>;
  /** A websocket subscription of any type (e.g. `mqtt/subscribe`); HA's frontend connection has it. */
  subscribeMessage?<T>(callback: (result: T) => void, msg: { type: string; [key: string]: unknown }): Promise<() => Promise<void>>;
}

export interface HassLocale {
  language: string;
  time_zone?: 'local' | 'server' | string;
}

export interface HomeAssistant {
  states: Record<string, HassState>;
  entities?: Record<string, EntityDisplayEntry>;
  devices?: Record<string, DeviceEntry>;
  user?: HassCurrentUser;
  locale?: HassLocale;
  language?: string;
  themes?: { darkMode?: boolean; theme?: string };
  /** Service registry by domain (only the names are read: notify targets for the alerts). */
  services?: Record<string, Record<string, unknown>>;
  config: { time_zone: string; [k: string]: unknown };
  connection: HassConnection;
  callWS<T>(msg: { type: string; [k: string]: unknown }): Promise<T>;
  /** HA REST API relative to /api/ (used to install the alert automations). */
  callApi?<T>(method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown): Promise<T>;
}

/** The error shape callWS rejects with. */
export interface HassError {
  code: string;
  message: string;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && typeof (err as HassError).message === 'string') return (err as HassError).message;
  return String(err);
}
