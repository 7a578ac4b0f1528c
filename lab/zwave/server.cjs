'use strict';
// A simulated Z-Wave lock for the lab: the REAL zwave-js driver and the REAL
// @zwave-js/server, talking over an in-memory serial port to a mock controller
// and mock lock nodes. Only the radio and the lock hardware are simulated.
//
//   node server.cjs [--port 3000] [--server-port 3002] [--control-port 3001] [--cache-dir DIR]
//
// Clients connect to ws://127.0.0.1:<port>, a schema shim (schema-shim.cjs) in front of the real server (on
// <server-port>), which lets API schema 51 clients (HA 2026.11) use @zwave-js/server 3.10.2 (schema 0-50).
//
// Control channel (HTTP on 127.0.0.1:<control-port>, JSON in and out):
//   GET  /health           {"ready":true,"home_id":N,"nodes":[2,3]}
//   GET  /nodes/:id/codes  {"1":{"status":"enabled"},"2":{"status":"available"}}  (never the PINs)
//   POST /nodes/:id/act    {"action":"keypad_unlock","slot":3}   see ACTIONS below
// Every answer is JSON; errors are {"error":"<one line>"} with status 400/404.

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { createAndStartDriverWithMockPort, createDefaultMockControllerBehaviors, createDefaultMockNodeBehaviors } =
  require('zwave-js/Testing');
const { MockController, MockNode, ccCaps, createMockZWaveRequestFrame } = require('@zwave-js/testing');
const { CommandClasses, Duration } = require('@zwave-js/core');
const { NotificationCCReport } = require('@zwave-js/cc/NotificationCC');
const { UserCodeCCReport } = require('@zwave-js/cc/UserCodeCC');
const { BatteryCCReport, BatteryCCGet } = require('@zwave-js/cc/BatteryCC');
const { DoorLockCCOperationReport, DoorLockCCOperationGet, DoorLockCCOperationSet } = require('@zwave-js/cc/DoorLockCC');
const { NotificationCCGet } = require('@zwave-js/cc/NotificationCC');
const { UserIDStatus, DoorLockMode, DoorLockOperationType } = require('@zwave-js/cc');
const { ZwavejsServer } = require('@zwave-js/server');
const { startSchemaShim } = require('./schema-shim.cjs');

const HOME_ID = 0x7e57c0de;
const ACCESS_CONTROL = 6;
const HOME_SECURITY = 7;

/** The locks of the lab house. Codes are lab fixtures: slot 2 of the patio door is deliberately weak. */
const LOCKS = [
  {
    id: 2,
    name: 'Patio Door',
    location: 'Garden',
    battery: 87,
    codes: { 1: '573194', 2: '1234', 3: '906217' },
  },
  {
    id: 3,
    name: 'Garage Side Door',
    location: 'Garage',
    battery: 64,
    codes: { 1: '482916' },
  },
];
const NUM_USER_CODES = 10;

const ACCESS_CONTROL_EVENTS = [1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 16, 19, 21, 22, 23, 50];
const HOME_SECURITY_EVENTS = [3, 4];

function parseArgs(argv) {
  const opts = { port: 3000, serverPort: 3002, controlPort: 3001, cacheDir: path.join(os.tmpdir(), 'lock-sentinel-zwave-cache') };
  for (let i = 2; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--port') opts.port = Number(value);
    else if (key === '--server-port') opts.serverPort = Number(value);
    else if (key === '--control-port') opts.controlPort = Number(value);
    else if (key === '--cache-dir') opts.cacheDir = path.resolve(value);
    else throw new Error(`unknown option ${key} (use --port, --server-port, --control-port, --cache-dir)`);
  }
  for (const k of ['port', 'serverPort', 'controlPort']) {
    if (!Number.isInteger(opts[k]) || opts[k] <= 0 || opts[k] > 65535) throw new Error(`--${k} must be a TCP port`);
  }
  return opts;
}

function log(message) {
  process.stdout.write(`${new Date().toISOString()} zwave-lab: ${message}\n`);
}

/** Keys of the mock node's state map used by zwave-js' built-in User Code and Door Lock behaviors. */
const userCodeKey = (slot) => `UserCode_userCode_${slot}`;
const userStatusKey = (slot) => `UserCode_userIdStatus_${slot}`;
const DOOR_MODE_KEY = 'DoorLock_currentMode';
const BATTERY_KEY = 'LabBattery_level';
const JAMMED_KEY = 'LabDoorLock_jammed';

/** Behaviors the built-in mocks lack: Battery Get, Notification Get, jam release, a Door Lock report with bolt/door status. */
const labBehaviors = [
  {
    handleCC(controller, self, cc) {
      if (!(cc instanceof BatteryCCGet)) return undefined;
      const level = self.state.get(BATTERY_KEY) ?? 100;
      return { action: 'sendCC', cc: new BatteryCCReport({ nodeId: controller.ownNodeId, level }) };
    },
  },
  {
    handleCC(controller, self, cc) {
      if (!(cc instanceof NotificationCCGet)) return undefined;
      // Pull mode: the lock reports "idle" for whatever type is asked.
      return {
        action: 'sendCC',
        cc: new NotificationCCReport({
          nodeId: controller.ownNodeId,
          notificationType: cc.notificationType ?? ACCESS_CONTROL,
          notificationEvent: 0,
        }),
      };
    },
  },
  {
    // A lock/unlock command frees a jammed bolt; the built-in behavior then does the operation.
    handleCC(controller, self, cc) {
      if (cc instanceof DoorLockCCOperationSet) self.state.delete(JAMMED_KEY);
      return undefined;
    },
  },
  {
    handleCC(controller, self, cc) {
      if (!(cc instanceof DoorLockCCOperationGet)) return undefined;
      return { action: 'sendCC', cc: doorLockReport(controller, self) };
    },
  },
];

function doorLockReport(controller, node) {
  const jammed = node.state.get(JAMMED_KEY) === true;
  const mode = jammed ? DoorLockMode.Unknown : node.state.get(DOOR_MODE_KEY) ?? DoorLockMode.Secured;
  const secured = mode === DoorLockMode.Secured;
  return new DoorLockCCOperationReport({
    nodeId: controller.ownNodeId,
    currentMode: mode,
    targetMode: mode,
    duration: new Duration(0, 'seconds'),
    outsideHandlesCanOpenDoor: [false, false, false, false],
    insideHandlesCanOpenDoor: [true, true, true, true],
    doorStatus: 'closed',
    boltStatus: secured ? 'locked' : 'unlocked',
    latchStatus: 'closed',
  });
}

/**
 * zwave-js' mock controller decodes each frame on its one "air" loop; a command the mock CCs cannot decode
 * (e.g. User Code's Extended User Code Get) throws there and ends the loop, silencing every node for good.
 * Decode defensively instead: the lock ACKs and ignores such a command, as a real lock does with one it lacks.
 */
function hardenAir(controller) {
  const air = controller.air;
  const add = air.add.bind(air);
  air.add = (...items) => add(...items.map((item) => (typeof item.payload !== 'function' ? item : {
    ...item,
    payload: async () => {
      try {
        return await item.payload();
      } catch (e) {
        log(`mock lock ignores a command it cannot decode: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
        return undefined;
      }
    },
  })));
}

function lockCapabilities(lock) {
  return {
    // Yale YRD216 ids: the driver's device database gives HA a real manufacturer/model.
    manufacturerId: 0x0129,
    productType: 0x8004,
    productId: 0x0600,
    firmwareVersion: '1.3',
    genericDeviceClass: 0x40, // Entry Control
    specificDeviceClass: 0x03, // Secure Keypad Door Lock
    isListening: true,
    commandClasses: [
      CommandClasses.Version,
      CommandClasses['Manufacturer Specific'],
      ccCaps({ ccId: CommandClasses['Node Naming and Location'], version: 1, name: lock.name, location: lock.location }),
      ccCaps({
        ccId: CommandClasses['Door Lock'],
        version: 4,
        supportedOperationTypes: [DoorLockOperationType.Constant],
        supportedDoorLockModes: [DoorLockMode.Unsecured, DoorLockMode.Secured],
        doorSupported: true,
        boltSupported: true,
        latchSupported: true,
      }),
      ccCaps({ ccId: CommandClasses['User Code'], version: 2, numUsers: NUM_USER_CODES, supportedASCIIChars: '0123456789' }),
      ccCaps({
        ccId: CommandClasses.Notification,
        version: 8,
        supportsV1Alarm: false,
        notificationTypesAndEvents: { [ACCESS_CONTROL]: ACCESS_CONTROL_EVENTS, [HOME_SECURITY]: HOME_SECURITY_EVENTS },
      }),
      ccCaps({ ccId: CommandClasses.Battery, version: 1 }),
    ],
  };
}

function presetNode(node, lock) {
  for (const [slot, code] of Object.entries(lock.codes)) {
    node.state.set(userStatusKey(slot), UserIDStatus.Enabled);
    node.state.set(userCodeKey(slot), code);
  }
  node.state.set(DOOR_MODE_KEY, DoorLockMode.Secured);
  node.state.set(BATTERY_KEY, lock.battery);
}

/** Sends one CC from the mock node to the controller, unsolicited, as a lock does when something happens. */
async function send(controller, node, cc) {
  await node.sendToController(createMockZWaveRequestFrame(cc, { ackRequested: false }));
}

function notification(controller, type, event, params) {
  return new NotificationCCReport({
    nodeId: controller.ownNodeId,
    notificationType: type,
    notificationEvent: event,
    eventParameters: params,
  });
}

const userIdParam = (slot) => Uint8Array.from([slot]);

function slotArg(body) {
  const slot = Number(body.slot);
  if (!Number.isInteger(slot) || slot < 1 || slot > NUM_USER_CODES) {
    throw new Error(`slot must be an integer 1-${NUM_USER_CODES}`);
  }
  return slot;
}

function slotInUse(node, slot) {
  return node.state.get(userStatusKey(slot)) === UserIDStatus.Enabled && Boolean(node.state.get(userCodeKey(slot)));
}

/**
 * What a person at the door can make the lock do. Each returns the list of
 * (type, event) notifications it sent so tests can assert exactly that.
 */
const ACTIONS = {
  async keypad_unlock(controller, node, body) {
    const slot = slotArg(body);
    if (!slotInUse(node, slot)) throw new Error(`slot ${slot} has no code: the lock would refuse it`);
    node.state.set(DOOR_MODE_KEY, DoorLockMode.Unsecured);
    node.state.delete(JAMMED_KEY);
    await send(controller, node, notification(controller, ACCESS_CONTROL, 6, userIdParam(slot)));
    await send(controller, node, doorLockReport(controller, node));
    return [{ type: ACCESS_CONTROL, event: 6, userId: slot }];
  },
  async keypad_lock(controller, node, body) {
    const slot = slotArg(body);
    node.state.set(DOOR_MODE_KEY, DoorLockMode.Secured);
    node.state.delete(JAMMED_KEY);
    await send(controller, node, notification(controller, ACCESS_CONTROL, 5, userIdParam(slot)));
    await send(controller, node, doorLockReport(controller, node));
    return [{ type: ACCESS_CONTROL, event: 5, userId: slot }];
  },
  async manual_unlock(controller, node) {
    node.state.set(DOOR_MODE_KEY, DoorLockMode.Unsecured);
    node.state.delete(JAMMED_KEY);
    await send(controller, node, notification(controller, ACCESS_CONTROL, 2));
    await send(controller, node, doorLockReport(controller, node));
    return [{ type: ACCESS_CONTROL, event: 2 }];
  },
  async manual_lock(controller, node) {
    node.state.set(DOOR_MODE_KEY, DoorLockMode.Secured);
    node.state.delete(JAMMED_KEY);
    await send(controller, node, notification(controller, ACCESS_CONTROL, 1));
    await send(controller, node, doorLockReport(controller, node));
    return [{ type: ACCESS_CONTROL, event: 1 }];
  },
  // One wrong code at the keypad. Modern locks (User Credential era) send Access Control 50
  // "Invalid credential used"; many older ones send Home Security 4 "Tampering, invalid code".
  async wrong_code(controller, node, body) {
    const variant = body.variant ?? 'access_control';
    if (variant === 'access_control') {
      await send(controller, node, notification(controller, ACCESS_CONTROL, 50));
      return [{ type: ACCESS_CONTROL, event: 50 }];
    }
    if (variant === 'home_security') {
      await send(controller, node, notification(controller, HOME_SECURITY, 4));
      return [{ type: HOME_SECURITY, event: 4 }];
    }
    throw new Error('variant must be access_control or home_security');
  },
  // The wrong-code limit: Access Control 19 "code limit exceeded"; with keypad_disabled also 16.
  async lockout(controller, node, body) {
    await send(controller, node, notification(controller, ACCESS_CONTROL, 19));
    const sent = [{ type: ACCESS_CONTROL, event: 19 }];
    if (body.keypad_disabled === true) {
      await send(controller, node, notification(controller, ACCESS_CONTROL, 16));
      sent.push({ type: ACCESS_CONTROL, event: 16 });
    }
    return sent;
  },
  async jam(controller, node) {
    node.state.set(JAMMED_KEY, true);
    await send(controller, node, notification(controller, ACCESS_CONTROL, 11));
    await send(controller, node, doorLockReport(controller, node));
    return [{ type: ACCESS_CONTROL, event: 11 }];
  },
  async tamper(controller, node) {
    await send(controller, node, notification(controller, HOME_SECURITY, 3));
    return [{ type: HOME_SECURITY, event: 3 }];
  },
  // The cover closed again: Home Security "idle" (event 0) naming the state it ends (3), as Notification v8 locks do.
  async tamper_cleared(controller, node) {
    await send(controller, node, notification(controller, HOME_SECURITY, 0, Uint8Array.from([3])));
    return [{ type: HOME_SECURITY, event: 0 }];
  },
  // The keypad lockout timed out: Access Control idle for "keypad temporarily disabled" (16).
  async keypad_enabled(controller, node) {
    await send(controller, node, notification(controller, ACCESS_CONTROL, 0, Uint8Array.from([16])));
    return [{ type: ACCESS_CONTROL, event: 0 }];
  },
  async battery(controller, node, body) {
    const level = Number(body.level);
    if (!Number.isInteger(level) || level < 0 || level > 100) throw new Error('level must be an integer 0-100');
    node.state.set(BATTERY_KEY, level);
    await send(controller, node, new BatteryCCReport({ nodeId: controller.ownNodeId, level }));
    return [];
  },
  // A code programmed at the keypad with the master code: the lock reports the new code and event 14.
  async code_added(controller, node, body) {
    const slot = slotArg(body);
    const code = String(body.code ?? '');
    if (!/^\d{4,10}$/.test(code)) throw new Error('code must be 4-10 digits');
    node.state.set(userStatusKey(slot), UserIDStatus.Enabled);
    node.state.set(userCodeKey(slot), code);
    await send(controller, node, new UserCodeCCReport({
      nodeId: controller.ownNodeId, userId: slot, userIdStatus: UserIDStatus.Enabled, userCode: code,
    }));
    await send(controller, node, notification(controller, ACCESS_CONTROL, 14, userIdParam(slot)));
    return [{ type: ACCESS_CONTROL, event: 14, userId: slot }];
  },
  async code_deleted(controller, node, body) {
    const slot = slotArg(body);
    node.state.set(userStatusKey(slot), UserIDStatus.Available);
    node.state.delete(userCodeKey(slot));
    await send(controller, node, new UserCodeCCReport({
      nodeId: controller.ownNodeId, userId: slot, userIdStatus: UserIDStatus.Available,
    }));
    await send(controller, node, notification(controller, ACCESS_CONTROL, 13, userIdParam(slot)));
    return [{ type: ACCESS_CONTROL, event: 13, userId: slot }];
  },
};

function codesOf(node) {
  const out = {};
  for (let slot = 1; slot <= NUM_USER_CODES; slot++) {
    out[slot] = { status: slotInUse(node, slot) ? 'enabled' : 'available' };
  }
  return out;
}

function startControl(port, controller, nodes) {
  const reply = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => { raw += d; });
    req.on('end', async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://x');
        if (req.method === 'GET' && url.pathname === '/health') {
          return reply(res, 200, { ready: true, home_id: HOME_ID, nodes: [...nodes.keys()] });
        }
        const m = /^\/nodes\/(\d+)\/(codes|act)$/.exec(url.pathname);
        const node = m ? nodes.get(Number(m[1])) : undefined;
        if (!m || !node) return reply(res, 404, { error: `no such resource ${req.method} ${url.pathname}` });
        if (req.method === 'GET' && m[2] === 'codes') return reply(res, 200, codesOf(node));
        if (req.method === 'POST' && m[2] === 'act') {
          let body;
          try { body = JSON.parse(raw || '{}'); } catch { return reply(res, 400, { error: 'body is not JSON' }); }
          const act = ACTIONS[body.action];
          if (!act) return reply(res, 400, { error: `action must be one of ${Object.keys(ACTIONS).join(', ')}` });
          const sent = await act(controller, node, body);
          log(`node ${node.id}: ${body.action}${body.slot ? ` slot ${body.slot}` : ''}`);
          return reply(res, 200, { ok: true, sent });
        }
        return reply(res, 404, { error: `no such resource ${req.method} ${url.pathname}` });
      } catch (e) {
        return reply(res, 400, { error: String(e instanceof Error ? e.message : e).split('\n')[0] });
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const quietLogger = {
  error: (m, e) => log(`server error: ${e instanceof Error ? e.message : m instanceof Error ? m.message : m}`),
  warn: (m) => log(`server warning: ${m}`),
  info: (m) => { if (/listening|connected|disconnected/i.test(m)) log(m); },
  debug: () => {},
};

async function main() {
  const opts = parseArgs(process.argv);
  const started = Date.now();
  // A fresh cache each start: the mock node's state lives in memory, so a stale cache would lie.
  fs.rmSync(opts.cacheDir, { recursive: true, force: true });
  fs.mkdirSync(opts.cacheDir, { recursive: true });

  const { driver, continueStartup, mockPort, serial } = await createAndStartDriverWithMockPort({
    logConfig: { enabled: false },
    storage: { cacheDir: opts.cacheDir, lockDir: path.join(opts.cacheDir, 'locks') },
    // Without this the driver wipes every user code during the first interview.
    interview: { queryAllUserCodes: true },
    testingHooks: { skipFirmwareIdentification: true },
  });
  const controller = await MockController.create({ homeId: HOME_ID, ownNodeId: 1, mockPort, serial });
  controller.defineBehavior(...createDefaultMockControllerBehaviors());
  hardenAir(controller);

  const nodes = new Map();
  for (const lock of LOCKS) {
    const node = await MockNode.create({ id: lock.id, controller, capabilities: lockCapabilities(lock) });
    controller.addNode(node);
    node.defineBehavior(...createDefaultMockNodeBehaviors());
    node.defineBehavior(...labBehaviors);
    presetNode(node, lock);
    nodes.set(lock.id, node);
  }

  const allReady = new Promise((resolve) => {
    driver.once('driver ready', () => {
      const pending = LOCKS.map((lock) => new Promise((done) => {
        const zwNode = driver.controller.nodes.getOrThrow(lock.id);
        if (zwNode.ready) done(); else zwNode.once('ready', done);
      }));
      void Promise.all(pending).then(resolve);
    });
  });
  continueStartup();
  await allReady;
  log(`driver ready, ${LOCKS.length} lock nodes interviewed in ${Date.now() - started} ms`);

  // The real server listens on a loopback port of its own; clients reach it through the schema shim on --port
  // (schema-shim.cjs: HA 2026.11's client wants API schema 51, which no published server speaks yet).
  const serverPort = opts.serverPort;
  const server = new ZwavejsServer(driver, { port: serverPort, host: '127.0.0.1', logger: quietLogger, enableDNSServiceDiscovery: false });
  await server.start(false);
  const shim = await startSchemaShim({ host: '127.0.0.1', port: opts.port, upstreamUrl: `ws://127.0.0.1:${serverPort}`, log });
  const control = await startControl(opts.controlPort, controller, nodes);
  log(`ready: ws://127.0.0.1:${opts.port} control http://127.0.0.1:${opts.controlPort} ` +
    `(cold start ${Date.now() - started} ms, rss ${Math.round(process.memoryUsage().rss / 1048576)} MB)`);

  const stop = async (signal) => {
    log(`stopping on ${signal}`);
    setTimeout(() => process.exit(0), 5000).unref();
    control.close();
    await shim.close();
    await server.destroy().catch(() => {});
    await driver.destroy().catch(() => {});
    controller.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((e) => {
  log(`failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
