// Onboarding and users, done over HA's REST and websocket APIs the way HA's own frontend does it.
import { randomBytes } from 'node:crypto';
import { httpOk, wsSession } from './ha-api.mjs';
import { PHONES } from './phones.mjs';

const TOKEN_NAME = 'lock-sentinel-lab';

/** Exchanges an authorization code for a short-lived access token, then makes a long-lived one over WS. */
async function longLivedToken(base, code) {
  const clientId = `${base}/`;
  const tok = await httpOk(base, '/auth/token', { method: 'POST', form: { grant_type: 'authorization_code', code, client_id: clientId } });
  const ws = await wsSession(base, tok.access_token);
  try {
    return await ws.call({ type: 'auth/long_lived_access_token', client_name: TOKEN_NAME, lifespan: 3650 });
  } finally {
    ws.close();
  }
}

/** Logs a user in through the login flow (username + password) and returns a long-lived token. */
async function login(base, username, password) {
  const clientId = `${base}/`;
  const redirect = `${base}/?auth_callback=1`;
  const flow = await httpOk(base, '/auth/login_flow', {
    method: 'POST', json: { client_id: clientId, handler: ['homeassistant', null], redirect_uri: redirect },
  });
  const done = await httpOk(base, `/auth/login_flow/${flow.flow_id}`, {
    method: 'POST', json: { client_id: clientId, username, password },
  });
  if (done.type !== 'create_entry') throw new Error(`login of ${username} failed: ${JSON.stringify(done.errors ?? done)}`);
  return longLivedToken(base, done.result);
}

/**
 * First start only: the owner (admin) through onboarding's four steps, a non-admin user, two persons tracked by their
 * phones (registered once HA runs: lab/phones.mjs). Returns the tokens and user ids.
 */
export async function onboard(base) {
  const clientId = `${base}/`;
  const ownerPassword = randomBytes(12).toString('hex');
  const user = await httpOk(base, '/api/onboarding/users', {
    method: 'POST',
    json: { client_id: clientId, name: 'Alice', username: 'alice', password: ownerPassword, language: 'en' },
  });
  const tok = await httpOk(base, '/auth/token', { method: 'POST', form: { grant_type: 'authorization_code', code: user.auth_code, client_id: clientId } });
  const bearer = tok.access_token;
  await httpOk(base, '/api/onboarding/core_config', { method: 'POST', token: bearer, json: {} });
  await httpOk(base, '/api/onboarding/analytics', { method: 'POST', token: bearer, json: {} });
  await httpOk(base, '/api/onboarding/integration', {
    method: 'POST', token: bearer, json: { client_id: clientId, redirect_uri: `${base}/?auth_callback=1` },
  });

  const ws = await wsSession(base, bearer);
  try {
    const token = await ws.call({ type: 'auth/long_lived_access_token', client_name: TOKEN_NAME, lifespan: 3650 });
    const me = await ws.call({ type: 'auth/current_user' });
    const viewerPassword = randomBytes(12).toString('hex');
    const { user: viewer } = await ws.call({ type: 'config/auth/create', name: 'Bob', group_ids: ['system-users'], local_only: false });
    await ws.call({ type: 'config/auth_provider/homeassistant/create', user_id: viewer.id, username: 'bob', password: viewerPassword });

    // Onboarding made a person for the owner; give it a tracker, and add Bob.
    const persons = await ws.call({ type: 'person/list' });
    const alice = persons.storage.find((p) => p.user_id === me.id);
    const tracker = (role) => `device_tracker.${Object.keys(PHONES).find((id) => PHONES[id].role === role)}`;
    await ws.call({ type: 'person/update', person_id: alice.id, name: 'Alice', user_id: me.id, device_trackers: [tracker('admin')], picture: null });
    await ws.call({ type: 'person/create', name: 'Bob', user_id: viewer.id, device_trackers: [tracker('nonadmin')], picture: null });

    const nonadminToken = await login(base, 'bob', viewerPassword);
    return { token, nonadmin_token: nonadminToken, users: { admin: me.id, nonadmin: viewer.id } };
  } finally {
    ws.close();
  }
}

/**
 * The broker step's answer: host and port, plus the fields newer HA requires (2026.x: `protocol` and the
 * `other_settings` section, whose certificate options are off for a plain loopback broker). Only fields the form
 * asks for are sent, so the floor release (which has neither) gets exactly what it expects.
 */
function mqttBrokerAnswer(step, broker) {
  const fields = new Set((step.data_schema ?? []).map((f) => f.name));
  const answer = { broker: broker.host, port: broker.port };
  if (fields.has('protocol')) answer.protocol = '3.1.1';
  if (fields.has('other_settings')) answer.other_settings = { set_client_cert: false, set_ca_cert: 'off' };
  return answer;
}

/** Points HA's MQTT integration at the lab's broker (creating or re-creating its config entry). */
export async function configureMqtt(base, token, broker) {
  const entries = await httpOk(base, '/api/config/config_entries/entry?domain=mqtt', { token });
  for (const e of entries) {
    if (e.domain !== 'mqtt') continue;
    await httpOk(base, `/api/config/config_entries/entry/${e.entry_id}`, { method: 'DELETE', token });
  }
  let step = await httpOk(base, '/api/config/config_entries/flow', { method: 'POST', token, json: { handler: 'mqtt', show_advanced_options: false } });
  if (step.type === 'form' && step.step_id !== 'broker') {
    step = await httpOk(base, `/api/config/config_entries/flow/${step.flow_id}`, { method: 'POST', token, json: { next_step_id: 'broker' } });
  }
  const done = await httpOk(base, `/api/config/config_entries/flow/${step.flow_id}`, {
    method: 'POST', token, json: mqttBrokerAnswer(step, broker),
  });
  if (done.type !== 'create_entry') throw new Error(`MQTT config flow ended with ${JSON.stringify(done)}`);
}
