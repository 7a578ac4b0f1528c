// Writes the generated automations and script into Home Assistant through its config API, waits until HA has
// loaded them, and removes exactly what Lock Sentinel installed (id prefix plus description marker).
import { BREACH_SCRIPT_ID, ID_PREFIX, MARKER } from './generate.js';
import type { Generated } from './types.js';

export interface HaResponse {
  status: number;
  body: unknown;
}

/** HA's REST API: a Node client (below) or the card's `hass.callApi`. */
export interface HaRest {
  request(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<HaResponse>;
}

export function restClient(url: string, token: string): HaRest {
  const base = url.replace(/\/+$/, '');
  return {
    async request(method, path, body) {
      let res: Response;
      try {
        res = await fetch(base + path, {
          method,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch {
        // fetch's own text ("fetch failed") is no message for a user.
        throw new Error(`cannot reach Home Assistant at ${base}`);
      }
      const text = await res.text();
      if (res.status === 401) throw new Error('Home Assistant refused the token (401)');
      let parsed: unknown = text;
      try { parsed = JSON.parse(text); } catch { /* plain text answer */ }
      return { status: res.status, body: parsed };
    },
  };
}

interface StateLite { entity_id: string; state: string; attributes: Record<string, unknown> }

async function ok(api: HaRest, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const r = await api.request(method, path, body);
  if (r.status < 200 || r.status >= 300) {
    const msg = typeof r.body === 'object' && r.body && 'message' in r.body ? String((r.body as { message: unknown }).message) : String(r.body);
    throw new Error(`${method} ${path} failed (${r.status}): ${msg.split('\n')[0]}`);
  }
  return r.body;
}

const states = async (api: HaRest) => (await ok(api, 'GET', '/api/states')) as StateLite[];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long an automation may show as unavailable while HA reloads it. */
const RELOAD_SETTLE_MS = 30000;

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Home Assistant did not ${what} within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

const hasMarker = (config: unknown) =>
  typeof config === 'object' && config !== null && String((config as { description?: unknown }).description ?? '').startsWith(MARKER);

/** Runs `f` over `items`, at most `limit` at once (HA reads its config file for each config request). */
async function pooled<T, R>(items: T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; out[i] = await f(items[i]); } };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Same config, whatever the key order (HA writes the id first); keys whose value is undefined are not sent, so not stored. */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));

/** What install does with one generated automation or script, given what HA has stored under its id. */
export type Decision = 'create' | 'update' | 'unchanged' | 'foreign';

/**
 * The comparison rule. HA's config API stores a posted config as it is, replacing whatever was stored under that id
 * (an automation's `id` is the key in the URL; scripts are keyed by their id): the stored config of an identical one
 * is the generated config after a JSON round trip, with its keys in any order. So:
 * - nothing stored (`undefined`): create;
 * - stored without our marker: someone else's (the user's own automation at one of our ids): never written;
 * - ours and equal: unchanged, never written again (each write makes HA reload its automations);
 * - ours and different in anything (an older Lock Sentinel's config, other options, an edit in HA's editor): update.
 */
export function decide(stored: unknown, generated: object): Decision {
  if (stored === undefined) return 'create';
  if (!hasMarker(stored)) return 'foreign';
  return canonical(stored) === canonical(generated) ? 'unchanged' : 'update';
}

interface Installed {
  /** The config HA has stored under each id (ours or not), for our loaded ones and the ids asked for. */
  automations: Map<string, unknown>;
  scripts: Map<string, unknown>;
}

/** The stored config under `id`; undefined when HA has none (404). A failed read fails: nothing is decided on it. */
async function storedConfig(api: HaRest, kind: 'automation' | 'script', id: string): Promise<unknown> {
  const path = `/api/config/${kind}/config/${id}`;
  const r = await api.request('GET', path);
  if (r.status === 404) return undefined;
  if (r.status < 200 || r.status >= 300) return ok(api, 'GET', path);
  return r.body;
}

/**
 * What is stored: under our prefix among the loaded automations and scripts, plus the `expected` ids (stored, but
 * possibly reloading at this moment, or not loaded at all).
 */
async function installed(api: HaRest, expected: { automations: string[]; scripts: string[] } = { automations: [], scripts: [] }): Promise<Installed> {
  const all = await states(api);
  const loaded = new Set<string>();
  for (const s of all) if (s.entity_id.startsWith('automation.') && typeof s.attributes.id === 'string') loaded.add(s.attributes.id);
  const read = async (kind: 'automation' | 'script', ids: string[]) => {
    const sorted = [...new Set(ids)].filter((id) => id.startsWith(ID_PREFIX)).sort();
    const configs = await pooled(sorted, 4, (id) => storedConfig(api, kind, id));
    return new Map(sorted.flatMap((id, i) => (configs[i] === undefined ? [] : [[id, configs[i]] as [string, unknown]])));
  };
  // Scripts: loaded ones by entity, plus ours by id (written but not loaded where scripts.yaml is not included).
  const scriptIds = [BREACH_SCRIPT_ID, ...expected.scripts, ...all.filter((s) => s.entity_id.startsWith(`script.${ID_PREFIX}`)).map((s) => s.entity_id.slice('script.'.length))];
  return {
    automations: await read('automation', [...loaded, ...expected.automations]),
    scripts: await read('script', scriptIds),
  };
}

const oursOnly = (stored: Map<string, unknown>) => [...stored].filter(([, config]) => hasMarker(config)).map(([id]) => id);

/** Ids of the automations and scripts that Lock Sentinel installed. */
export async function installedIds(api: HaRest): Promise<{ automations: string[]; scripts: string[] }> {
  const i = await installed(api);
  return { automations: oursOnly(i.automations), scripts: oursOnly(i.scripts) };
}

/** Fails when a notify target is not a service of this Home Assistant (an alert would stop at it). */
async function checkNotifyTargets(api: HaRest, targets: string[]): Promise<void> {
  if (!targets.length) return;
  const domains = (await ok(api, 'GET', '/api/services')) as { domain: string; services: Record<string, unknown> }[];
  const notify = new Set(Object.keys(domains.find((d) => d.domain === 'notify')?.services ?? {}).map((s) => `notify.${s}`));
  const missing = targets.filter((t) => !notify.has(t));
  if (missing.length) throw new Error(`no such notify service in Home Assistant: ${missing.join(', ')}`);
}

export interface InstallResult {
  created: string[];
  updated: string[];
  /** Stored already exactly so: not written again (each write makes HA reload its automations); loaded is checked after. */
  unchanged: string[];
  removed: string[];
  /** Stored under one of our ids without our marker (the user's own): left as is, so that alert is not installed. */
  foreign: string[];
  /** One line each: what was written but is not active, what was left alone. */
  warnings: string[];
}

export async function install(api: HaRest, gen: Generated, notify: string[], timeoutMs = 60000, scriptTimeoutMs = 10000): Promise<InstallResult> {
  await checkNotifyTargets(api, notify);
  // HA reloads after each write in the background: an automation may be missing or unavailable for a moment, so what
  // is written is decided by the config HA has stored (decide); that every one is loaded is checked once at the end.
  const before = await installed(api, { automations: gen.automations.map((a) => a.id), scripts: Object.keys(gen.scripts) });
  const result: InstallResult = { created: [], updated: [], unchanged: [], removed: [], foreign: [], warnings: [] };
  const apply = async (kind: 'automation' | 'script', id: string, config: object, stored: unknown) => {
    const d = decide(stored, config);
    if (d === 'foreign') {
      result.foreign.push(id);
      result.warnings.push(`Home Assistant has ${kind === 'automation' ? 'an automation' : 'a script'} ${id} that Lock Sentinel did not write (its description lacks ${MARKER}): left as is, so this alert is not installed; rename or delete it and run install again`);
      return;
    }
    if (d === 'unchanged') { result.unchanged.push(id); return; }
    await ok(api, 'POST', `/api/config/${kind}/config/${id}`, config);
    (d === 'update' ? result.updated : result.created).push(id);
  };
  for (const a of gen.automations) await apply('automation', a.id, a, before.automations.get(a.id));
  for (const [id, script] of Object.entries(gen.scripts)) await apply('script', id, script, before.scripts.get(id));
  const foreign = new Set(result.foreign);
  const wanted = new Set(gen.automations.map((a) => a.id).filter((id) => !foreign.has(id)));
  for (const id of oursOnly(before.automations).filter((i) => !wanted.has(i))) {
    await ok(api, 'DELETE', `/api/config/automation/config/${id}`);
    result.removed.push(id);
  }
  for (const id of oursOnly(before.scripts).filter((i) => !(i in gen.scripts))) {
    await ok(api, 'DELETE', `/api/config/script/config/${id}`);
    result.removed.push(id);
  }
  const aliases = new Map(gen.automations.filter((a) => wanted.has(a.id)).map((a) => [a.id, a.alias]));
  await until(async () => {
    const all = await states(api);
    const loaded = new Map<string, StateLite>();
    for (const s of all) if (s.entity_id.startsWith('automation.')) loaded.set(String(s.attributes.id), s);
    const ready = [...aliases].every(([id, alias]) => loaded.get(id)?.attributes.friendly_name === alias);
    return ready && result.removed.every((id) => !loaded.has(id));
  }, timeoutMs, 'load the Lock Sentinel automations');
  // An automation HA is reloading (an earlier write's reload may still run) shows as unavailable for a moment; one HA
  // cannot load stays so.
  let broken: StateLite[] = [];
  try {
    await until(async () => {
      broken = (await states(api)).filter((s) => s.entity_id.startsWith('automation.') && wanted.has(String(s.attributes.id)) && s.state === 'unavailable');
      return broken.length === 0;
    }, RELOAD_SETTLE_MS, 'finish reloading');
  } catch {
    throw new Error(`Home Assistant could not load: ${broken.map((s) => s.attributes.id).join(', ')}`);
  }
  // Scripts load only where configuration.yaml has `script: !include scripts.yaml`: say so instead of failing the alerts.
  for (const id of Object.keys(gen.scripts).filter((i) => !foreign.has(i))) {
    try {
      await until(async () => (await states(api)).some((s) => s.entity_id === `script.${id}`), scriptTimeoutMs, `load script.${id}`);
    } catch {
      result.warnings.push(`Home Assistant did not load script.${id}: add \`script: !include scripts.yaml\` to configuration.yaml`);
    }
  }
  return result;
}

/** Removes every automation and script Lock Sentinel installed; nothing else. Returns their ids. */
export async function uninstall(api: HaRest, timeoutMs = 60000): Promise<string[]> {
  const ids = await installedIds(api);
  for (const id of ids.automations) await ok(api, 'DELETE', `/api/config/automation/config/${id}`);
  for (const id of ids.scripts) await ok(api, 'DELETE', `/api/config/script/config/${id}`);
  const gone = new Set(ids.automations);
  await until(async () => !(await states(api)).some((s) => (s.entity_id.startsWith('automation.') && gone.has(String(s.attributes.id)))
    || ids.scripts.some((id) => s.entity_id === `script.${id}`)), timeoutMs, 'unload the removed automations');
  return [...ids.automations, ...ids.scripts];
}
