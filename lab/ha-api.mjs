// Minimal HA REST and websocket calls for setting up the lab (the product's client lives in src/ha/).
import WebSocket from 'ws';

/** fetch with a JSON or form body; returns {status, body} with the body parsed as JSON when possible. */
export async function http(base, path, { method = 'GET', token, json, form } = {}) {
  const headers = {};
  let body;
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(json); }
  if (form !== undefined) { headers['content-type'] = 'application/x-www-form-urlencoded'; body = new URLSearchParams(form).toString(); }
  const res = await fetch(base + path, { method, headers, body, signal: AbortSignal.timeout(15000) });
  const text = await res.text();
  let parsed = text;
  try { parsed = JSON.parse(text); } catch { /* plain text answer */ }
  return { status: res.status, body: parsed };
}

/** Like http() but throws unless the status is 2xx. */
export async function httpOk(base, path, opts) {
  const r = await http(base, path, opts);
  if (r.status < 200 || r.status >= 300) {
    throw new Error(`${opts?.method ?? 'GET'} ${path}: HTTP ${r.status} ${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}`);
  }
  return r.body;
}

/** An authenticated websocket session: `call(msg)` resolves with `result` or rejects with HA's error. */
export function wsSession(base, token) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(base.replace(/^http/, 'ws') + '/api/websocket');
    let nextId = 1;
    const waiting = new Map();
    ws.on('error', reject);
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.type === 'auth_required') ws.send(JSON.stringify({ type: 'auth', access_token: token }));
      else if (msg.type === 'auth_invalid') { ws.close(); reject(new Error(`websocket auth refused: ${msg.message}`)); }
      else if (msg.type === 'auth_ok') {
        resolve({
          call(cmd) {
            const id = nextId++;
            ws.send(JSON.stringify({ ...cmd, id }));
            return new Promise((res, rej) => waiting.set(id, { res, rej, type: cmd.type }));
          },
          close() { ws.close(); },
        });
      } else if (msg.type === 'result' && waiting.has(msg.id)) {
        const w = waiting.get(msg.id);
        waiting.delete(msg.id);
        if (msg.success) w.res(msg.result);
        else w.rej(new Error(`${w.type}: ${msg.error?.code} ${msg.error?.message}`));
      }
    });
  });
}
