// lab/zwave/schema-shim.cjs: the frames it rewrites between HA 2026.11's schema-51 client and @zwave-js/server 3.10.2
// (schema 0-50), and that it leaves every other frame, and a client choosing a schema the server has, untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

interface ConnectionShim {
  readonly clientSchema: number | undefined;
  toServer(text: string): string;
  toClient(text: string): string;
}
const require = createRequire(import.meta.url);
const { connectionShim } = require('../../lab/zwave/schema-shim.cjs') as { connectionShim: () => ConnectionShim };

const greeting = JSON.stringify({ type: 'version', homeId: 1, serverVersion: '3.10.2', minSchemaVersion: 0, maxSchemaVersion: 50 });
const node = (id: number) => ({ nodeId: id, endpoints: [{ nodeId: id, index: 0 }], values: [] });
const dump = JSON.stringify({ type: 'result', success: true, messageId: 'sl', result: { state: { driver: {}, controller: {}, nodes: [node(1), node(2)] } } });

test('a schema-51 client: the greeting says 51, its initialize asks the server for 50, node states get endpointGroups', () => {
  const shim = connectionShim();
  assert.equal(JSON.parse(shim.toClient(greeting)).maxSchemaVersion, 51);
  assert.equal(JSON.parse(shim.toServer(JSON.stringify({ command: 'initialize', messageId: 'i', schemaVersion: 51 }))).schemaVersion, 50);
  assert.equal(shim.clientSchema, 51);
  const nodes = JSON.parse(shim.toClient(dump)).result.state.nodes as { endpointGroups?: unknown }[];
  assert.deepEqual(nodes.map((n) => n.endpointGroups), [[], []]);
  const ready = JSON.parse(shim.toClient(JSON.stringify({ type: 'event', event: { source: 'node', event: 'ready', nodeId: 2, nodeState: node(2) } })));
  assert.deepEqual(ready.event.nodeState.endpointGroups, []);
  const added = JSON.parse(shim.toClient(JSON.stringify({ type: 'event', event: { source: 'controller', event: 'node added', node: node(4) } })));
  assert.deepEqual(added.event.node.endpointGroups, []);
  const state = JSON.parse(shim.toClient(JSON.stringify({ type: 'result', success: true, messageId: 'g', result: { state: node(2) } })));
  assert.deepEqual(state.result.state.endpointGroups, []);
});

test('other frames pass byte for byte, and endpointGroups the server already sends are kept', () => {
  const shim = connectionShim();
  shim.toServer(JSON.stringify({ command: 'set_api_schema', messageId: 's', schemaVersion: 51 }));
  for (const frame of [
    JSON.stringify({ type: 'result', success: true, messageId: 'u', result: { users: [{ userId: 1, active: true, userType: 0 }] } }),
    JSON.stringify({ type: 'event', event: { source: 'node', event: 'value updated', nodeId: 2, args: { commandClass: 99 } } }),
    JSON.stringify({ type: 'result', success: false, messageId: 'x', errorCode: 'unknown_command' }),
  ]) assert.equal(shim.toClient(frame), frame);
  const call = JSON.stringify({ command: 'endpoint.access_control.get_users_cached', messageId: 'c', nodeId: 2, endpoint: 0 });
  assert.equal(shim.toServer(call), call);
  const grouped = { ...node(5), endpointGroups: [{ id: 1, label: 'Clamp', isMainDevice: false, endpointIndices: [1] }] };
  const out = JSON.parse(shim.toClient(JSON.stringify({ type: 'result', success: true, messageId: 'g', result: { state: grouped } })));
  assert.deepEqual(out.result.state.endpointGroups, grouped.endpointGroups);
});

test('a client that chooses a schema the server speaks (HA 2025.4 asks for 40) gets the server\'s frames unchanged', () => {
  const shim = connectionShim();
  shim.toClient(greeting);
  const init = JSON.stringify({ command: 'initialize', messageId: 'i', schemaVersion: 40 });
  assert.equal(shim.toServer(init), init);
  assert.equal(shim.toClient(dump), dump);
});
