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

/** Same config, whatever the key order (HA writes the id first). */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));

interface Installed {
  /** Ours by id, with the config HA has stored. */
  automations: Map<string, unknown>;
  scripts: Map<string, unknown>;
}

/** What is installed: ours among the loaded automations, plus `expected` ids (stored, but reloading at this moment). */
async function installed(api: HaRest, expected: string[] = []): Promise<Installed> {
  const all = await states(api);
  const loaded = new Set<string>();
  for (const s of all) if (s.entity_id.startsWith('automation.') && typeof s.attributes.id === 'string') loaded.add(s.attributes.id);
  const ours = async (kind: 'automation' | 'script', ids: string[]) => {
    const configs = await pooled(ids, 4, async (id) => {
      const r = await api.request('GET', `/api/config/${kind}/config/${id}`);
      return r.status === 200 && hasMarker(r.body) ? r.body : undefined;
    });
    return new Map(ids.flatMap((id, i) => (configs[i] === undefined ? [] : [[id, configs[i]] as [string, unknown]])).sort(([a], [b]) => (a < b ? -1 : 1)));
  };
  // Scripts: loaded ones by entity, plus ours by id (written but not loaded where scripts.yaml is not included).
  const scriptIds = new Set([BREACH_SCRIPT_ID, ...all.filter((s) => s.entity_id.startsWith(`script.${ID_PREFIX}`)).map((s) => s.entity_id.slice('script.'.length))]);
  return {
    automations: await ours('automation', [...new Set([...loaded.keys(), ...expected])].filter((id) => id.startsWith(ID_PREFIX))),
    scripts: await ours('script', [...scriptIds]),
  };
}

/** Ids of the automations and scripts that Lock Sentinel installed. */
export async function installedIds(api: HaRest): Promise<{ automations: string[]; scripts: string[] }> {
  const i = await installed(api);
  return { automations: [...i.automations.keys()], scripts: [...i.scripts.keys()] };
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
  /** One line each: what was written but is not active. */
  warnings: string[];
}

export async function install(api: HaRest, gen: Generated, notify: string[], timeoutMs = 60000, scriptTimeoutMs = 10000): Promise<InstallResult> {
  await checkNotifyTargets(api, notify);
  // HA reloads after each write in the background: an automation may be missing or unavailable for a moment, so what
  // is written is decided by the config HA has stored; that every one is loaded is checked once at the end.
  const before = await installed(api, gen.automations.map((a) => a.id));
  const result: InstallResult = { created: [], updated: [], unchanged: [], removed: [], warnings: [] };
  for (const a of gen.automations) {
    const old = before.automations.get(a.id);
    if (old !== undefined && canonical(old) === canonical(a)) {
      result.unchanged.push(a.id);
      continue;
    }
    await ok(api, 'POST', `/api/config/automation/config/${a.id}`, a);
    (old !== undefined ? result.updated : result.created).push(a.id);
  }
  for (const [id, script] of Object.entries(gen.scripts)) {
    const old = before.scripts.get(id);
    if (old !== undefined && canonical(old) === canonical(script)) {
      result.unchanged.push(id);
      continue;
    }
    await ok(api, 'POST', `/api/config/script/config/${id}`, script);
    (old !== undefined ? result.updated : result.created).push(id);
  }
  const wanted = new Set(gen.automations.map((a) => a.id));
  for (const id of [...before.automations.keys()].filter((i) => !wanted.has(i))) {
    await ok(api, 'DELETE', `/api/config/automation/config/${id}`);
    result.removed.push(id);
  }
  for (const id of [...before.scripts.keys()].filter((i) => !(i in gen.scripts))) {
    await ok(api, 'DELETE', `/api/config/script/config/${id}`);
    result.removed.push(id);
  }
  const aliases = new Map(gen.automations.map((a) => [a.id, a.alias]));
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
  for (const id of Object.keys(gen.scripts)) {
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
