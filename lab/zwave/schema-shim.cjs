'use strict';
// A loopback websocket proxy that lets a client of Z-Wave JS Server API schema 51 talk to @zwave-js/server 3.10.2,
// the newest published server, which speaks schemas 0-50. Home Assistant 2026.11's zwave_js uses
// zwave-js-server-python 0.74.0, which refuses any server whose range does not include 51 (MIN = MAX = 51).
//
// Schema 51 adds one thing to what the server sends: `endpointGroups` on every node state (groups of endpoints
// named in a device's config file, e.g. the clamps of an energy meter). zwave-js 15.29, the driver here, has no
// endpoint groups, so every node's list is empty, and the client reads the key with a default of [] anyway.
// No command of the 0.74 client requires more than schema 49 (`require_schema`), so schema-50 answers are what it
// expects. The shim bridges exactly that, and nothing else:
//   server -> client: the `version` greeting announces maxSchemaVersion 51 (when the server's is 50);
//                     once the client has chosen 51, every node state gets `endpointGroups: []` if it has none;
//   client -> server: `initialize` / `set_api_schema` with schemaVersion 51 ask the server for 50.
// Every other frame passes unchanged, in order, in both directions. A client that chooses 50 or less (HA 2025.4's)
// sees the real server but for the greeting's maxSchemaVersion.

const { WebSocketServer, WebSocket } = require('ws');

const SHIM_SCHEMA = 51;
const SERVER_SCHEMA = 50;

/** Adds `endpointGroups: []` to one node state (an object with nodeId and endpoints) that lacks it. */
function withEndpointGroups(node) {
  if (node && typeof node === 'object' && typeof node.nodeId === 'number' && Array.isArray(node.endpoints)
    && !('endpointGroups' in node)) {
    node.endpointGroups = [];
  }
  return node;
}

/** The places where the server sends node states (@zwave-js/server's dumpNode callers). */
function patchNodeStates(msg) {
  if (msg.type === 'result' && msg.success && msg.result && typeof msg.result === 'object') {
    const r = msg.result;
    if (r.state && Array.isArray(r.state.nodes)) r.state.nodes.forEach(withEndpointGroups); // start_listening
    else withEndpointGroups(r.state); // node.get_state
    withEndpointGroups(r.node); // endpoint.get_node_unsafe / try_get_node
  } else if (msg.type === 'event' && msg.event) {
    withEndpointGroups(msg.event.node); // controller: node added / node removed
    withEndpointGroups(msg.event.nodeState); // node: ready
  }
  return msg;
}

/**
 * One client connection's view: which schema it chose (`initialize` / `set_api_schema`), and the two rewrites.
 * toClient/toServer take and return the text of one frame.
 */
function connectionShim() {
  let clientSchema;
  return {
    get clientSchema() { return clientSchema; },
    toServer(text) {
      let msg;
      try { msg = JSON.parse(text); } catch { return text; }
      if (msg.command !== 'initialize' && msg.command !== 'set_api_schema') return text;
      clientSchema = msg.schemaVersion;
      if (msg.schemaVersion !== SHIM_SCHEMA) return text;
      msg.schemaVersion = SERVER_SCHEMA;
      return JSON.stringify(msg);
    },
    toClient(text) {
      let msg;
      try { msg = JSON.parse(text); } catch { return text; }
      if (msg.type === 'version' && msg.maxSchemaVersion === SERVER_SCHEMA) {
        msg.maxSchemaVersion = SHIM_SCHEMA;
        return JSON.stringify(msg);
      }
      if (clientSchema === SHIM_SCHEMA && (msg.type === 'result' || msg.type === 'event')) return JSON.stringify(patchNodeStates(msg));
      return text;
    },
  };
}

/**
 * Listens on host:port and relays every client to the real server at upstreamUrl, one upstream socket per client.
 * Resolves to { close() } once listening.
 */
function startSchemaShim({ host, port, upstreamUrl, log }) {
  const wss = new WebSocketServer({ host, port, perMessageDeflate: true });
  wss.on('connection', (client) => {
    const upstream = new WebSocket(upstreamUrl, { perMessageDeflate: true });
    const shim = connectionShim();
    const pending = [];
    const closeBoth = () => {
      if (client.readyState === WebSocket.OPEN || client.readyState === WebSocket.CONNECTING) client.close();
      if (upstream.readyState === WebSocket.OPEN) upstream.close();
      else if (upstream.readyState === WebSocket.CONNECTING) upstream.terminate();
    };
    client.on('message', (data, isBinary) => {
      const out = isBinary ? data : shim.toServer(data.toString('utf8'));
      if (upstream.readyState === WebSocket.OPEN) upstream.send(out, { binary: isBinary });
      else pending.push([out, isBinary]);
    });
    upstream.on('open', () => {
      for (const [out, isBinary] of pending.splice(0)) upstream.send(out, { binary: isBinary });
    });
    upstream.on('message', (data, isBinary) => {
      if (client.readyState !== WebSocket.OPEN) return;
      client.send(isBinary ? data : shim.toClient(data.toString('utf8')), { binary: isBinary });
    });
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', (e) => { log?.(`schema shim: client socket: ${e.message}`); closeBoth(); });
    upstream.on('error', (e) => { log?.(`schema shim: server socket: ${e.message}`); closeBoth(); });
  });
  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      wss.off('error', reject);
      wss.on('error', (e) => log?.(`schema shim: ${e.message}`));
      resolve({
        close: () => new Promise((done) => {
          for (const c of wss.clients) c.terminate();
          wss.close(() => done());
        }),
      });
    });
  });
}

module.exports = { startSchemaShim, connectionShim, SHIM_SCHEMA, SERVER_SCHEMA };
