// Shared by the generator's lab tests: persistent notifications as they appear, and the generator's install.
import type { Connection } from 'home-assistant-js-websocket';
import { captureHeader } from '../../src/ha/capture.js';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { generate, ID_PREFIX } from '../../src/generate/generate.js';
import { objectId } from '../../src/generate/jinja.js';
import { install, restClient, uninstall, type HaRest } from '../../src/generate/installer.js';
import type { CodeRegistryEntry } from '../../src/model/ha.js';
import type { Generated } from '../../src/generate/types.js';
import { lab } from './support.js';

export interface Note { title: string; message: string; notification_id: string; /** Times HA replaced it in place since. */ updates: number }

/**
 * Collects every persistent notification created from now on, one entry per notification: HA reports a create with
 * the id of a notification it still shows as "added" again, and that replaces it in place (the entry is updated and
 * counts the update); after a dismiss the same id is a new notification.
 */
export async function watchNotifications(conn: Connection): Promise<{ notes: Note[]; stop: () => Promise<void> }> {
  const notes: Note[] = [];
  const live = new Map<string, Note>();
  const stop = await conn.subscribeMessage((m: { type: string; notifications: Record<string, Omit<Note, 'updates'>> }) => {
    for (const n of Object.values(m.notifications)) {
      const shown = live.get(n.notification_id);
      if (m.type === 'removed') live.delete(n.notification_id);
      // Shown before the watch began: not collected, but a create with its id replaces it rather than adding one.
      else if (m.type === 'current') live.set(n.notification_id, { ...n, updates: 0 });
      // A create with an id already shown replaces it: HA 2025.4 reports that as `added`, 2026.x as `updated`.
      else if (m.type !== 'added' && m.type !== 'updated') continue;
      else if (shown) Object.assign(shown, { title: n.title, message: n.message, updates: shown.updates + 1 });
      else {
        const note = { title: n.title, message: n.message, notification_id: n.notification_id, updates: 0 };
        notes.push(note);
        live.set(n.notification_id, note);
      }
    }
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

/**
 * The failures the failed-attempts automation of a lock counts right now (its runs alive: one per failure in the
 * window), as HA reports it: proof that HA has processed what a lock or the broker sent.
 */
export async function failedRuns(lock: string): Promise<number | null> {
  const r = await api().request('GET', '/api/states');
  const id = `${ID_PREFIX}failed_attempts_${objectId(lock)}`;
  const s = (r.body as { attributes: Record<string, unknown> }[]).find((x) => x.attributes.id === id);
  return typeof s?.attributes.current === 'number' ? s.attributes.current : null;
}
