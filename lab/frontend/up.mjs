#!/usr/bin/env node
// The card in the lab's real HA frontend, installed the way a HACS user gets it (run by lab/lab.mjs after the
// Z-Wave hook, and by the e2e tests so they always see the freshly built bundle):
//   1. copies dist/lock-sentinel-card.js to <config>/www/community/lock-sentinel/ (HACS' download folder, served
//      by plain HA at /local/community/lock-sentinel/...);
//   2. registers it as a dashboard resource (`lovelace/resources/create`, res_type module) with `?v=<hash>` so no
//      browser or HA cache serves an old bundle; updates the one resource of that path instead of adding another;
//   3. creates the dashboard `lock-sentinel` (`lovelace/dashboards/create`, once) and saves its config with the card;
//   4. sets passwords for the lab's admin and non-admin users (new ones on each lab start), so a browser can log in
//      through HA's login page, and merges `frontend: {dashboard, resource, users: {admin|nonadmin: {username, password}}}` into lab.json.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { http, wsSession } from '../ha-api.mjs';
import { DASHBOARD, dashboardConfig, RESOURCE_DIR, RESOURCE_PATH, USERNAMES } from './dashboard.mjs';

const root = new URL('../..', import.meta.url).pathname;
const labJson = process.env.LAB_JSON ?? join(root, '.lab', 'lab.json');
const log = (line) => console.log(`lab frontend: ${line}`);

function readLab() {
  if (!existsSync(labJson)) throw new Error(`${labJson} is missing: start the lab first (node lab/lab.mjs up)`);
  return JSON.parse(readFileSync(labJson, 'utf8'));
}

/** Copies the bundle into <config>/www and returns its versioned URL. */
function installBundle(configDir) {
  const bundle = join(root, 'dist', 'lock-sentinel-card.js');
  if (!existsSync(bundle)) throw new Error('dist/lock-sentinel-card.js is missing: run npm run build');
  const www = join(configDir, 'www');
  const fresh = !existsSync(www);
  mkdirSync(join(www, RESOURCE_DIR), { recursive: true });
  // The card and the chunks it loads on demand, as HACS copies dist/ (chunks of older builds removed).
  for (const f of readdirSync(join(www, RESOURCE_DIR)).filter((n) => n.startsWith('lock-sentinel-card'))) rmSync(join(www, RESOURCE_DIR, f));
  for (const f of readdirSync(join(root, 'dist')).filter((n) => /^lock-sentinel-card[\w-]*\.js$/.test(n))) {
    copyFileSync(join(root, 'dist', f), join(www, RESOURCE_DIR, f));
  }
  const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 12);
  return { url: `${RESOURCE_PATH}?v=${hash}`, fresh };
}

/** One resource for our path, pointing at this bundle's version (resources/create exists only in storage mode). */
async function registerResource(ws, url) {
  const mine = (await ws.call({ type: 'lovelace/resources' })).filter((r) => r.url.split('?')[0] === RESOURCE_PATH);
  const [keep, ...extra] = mine;
  for (const r of extra) await ws.call({ type: 'lovelace/resources/delete', resource_id: r.id });
  if (!keep) return void (await ws.call({ type: 'lovelace/resources/create', res_type: 'module', url }));
  if (keep.url !== url || keep.type !== 'module') {
    await ws.call({ type: 'lovelace/resources/update', resource_id: keep.id, res_type: 'module', url });
  }
}

async function ensureDashboard(ws) {
  const dashboards = await ws.call({ type: 'lovelace/dashboards/list' });
  if (!dashboards.some((d) => d.url_path === DASHBOARD.url_path)) {
    await ws.call({ type: 'lovelace/dashboards/create', mode: 'storage', ...DASHBOARD });
  }
  await ws.call({ type: 'lovelace/config/save', url_path: DASHBOARD.url_path, config: dashboardConfig() });
}

/**
 * HA keeps only password hashes: set known ones so the browser test can type them into the login page.
 * Passwords already recorded in lab.json are kept (set again), so a browser logging in meanwhile is not locked out.
 */
async function setPasswords(ws, users, known = {}) {
  const out = {};
  for (const [role, userId] of Object.entries(users)) {
    const password = known[role]?.password ?? randomBytes(12).toString('hex');
    await ws.call({ type: 'config/auth_provider/homeassistant/admin_change_password', user_id: userId, password });
    out[role] = { username: USERNAMES[role], password };
  }
  return out;
}

async function main() {
  const t0 = Date.now();
  const lab = readLab();
  const { url, fresh } = installBundle(lab.config_dir);
  const probe = await http(lab.url, RESOURCE_PATH);
  if (probe.status !== 200) {
    throw new Error(`${lab.url}${RESOURCE_PATH} answers HTTP ${probe.status}: HA serves /local only when <config>/www `
      + `exists at its start${fresh ? ' (it was just created: restart the lab, node lab/lab.mjs down && node lab/lab.mjs up)' : ''}`);
  }
  const ws = await wsSession(lab.url, lab.token);
  let users;
  try {
    await registerResource(ws, url);
    await ensureDashboard(ws);
    users = await setPasswords(ws, { admin: lab.users.admin, nonadmin: lab.users.nonadmin }, lab.frontend?.users);
  } finally {
    ws.close();
  }
  // Re-read: other hooks may have merged their blocks meanwhile.
  const merged = { ...readLab(), frontend: { dashboard: `/${DASHBOARD.url_path}/${dashboardConfig().views[0].path}`, resource: url, users } };
  writeFileSync(labJson, JSON.stringify(merged, null, 2) + '\n', { mode: 0o600 });
  log(`card ${url} on dashboard ${merged.frontend.dashboard} (${Date.now() - t0} ms)`);
}

try {
  await main();
} catch (e) {
  console.error(`lab frontend: ${e.message}`);
  process.exitCode = 1;
}
