// Shared by the generator's lab tests: persistent notifications as they appear, and the generator's install.
import type { Connection } from 'home-assistant-js-websocket';
import { captureHeader } from '../../src/ha/capture.js';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { generate } from '../../src/generate/generate.js';
import { install, restClient, uninstall, type HaRest } from '../../src/generate/installer.js';
import type { CodeRegistryEntry } from '../../src/model/ha.js';
import type { Generated } from '../../src/generate/types.js';
import { lab } from './support.js';

export interface Note { title: string; message: string; notification_id: string }

/** Collects every persistent notification created from now on. */
export async function watchNotifications(conn: Connection): Promise<{ notes: Note[]; stop: () => Promise<void> }> {
  const notes: Note[] = [];
  const stop = await conn.subscribeMessage((m: { type: string; notifications: Record<string, Note> }) => {
    if (m.type === 'added') notes.push(...Object.values(m.notifications));
  }, { type: 'persistent_notification/subscribe' });
  return { notes, stop: async () => { await stop(); } };
}

export const api = (): HaRest => restClient(lab().url, lab().token);

/** Generates from the live house (as captured now) with the given code registry, and installs the automations. */
export async function installFromLab(conn: Connection, registry: CodeRegistryEntry[], withScripts = false): Promise<Generated> {
  const header = await captureHeader(conn, new Date());
  const locks = discoverLocks(header);
  const gen = generate({ locks, registry, notify: [] });
  await install(api(), withScripts ? gen : { ...gen, scripts: {} }, []);
  return gen;
}

export const removeAll = () => uninstall(api());

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
