// A tiny MQTT 3.1.1 publisher (QoS 1, optional retain): enough to play Zigbee2MQTT against mosquitto.
import net from 'node:net';

function varint(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

function str(s) {
  const b = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(b.length);
  return Buffer.concat([len, b]);
}

function packet(type, body) {
  return Buffer.concat([Buffer.from([type]), varint(body.length), body]);
}

/**
 * Publishes messages in order and resolves once the broker acknowledged every one.
 * @param {{host: string, port: number}} broker
 * @param {{topic: string, payload: string | object, retain?: boolean}[]} messages
 */
export function mqttPublish(broker, messages) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(broker.port, broker.host);
    const clientId = `lock-sentinel-lab-${process.pid}-${Date.now() % 100000}`;
    let pending = messages.length;
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => { sock.destroy(); reject(new Error(`MQTT broker ${broker.host}:${broker.port} did not acknowledge in time`)); }, 10000);
    const finish = (err) => {
      clearTimeout(timer);
      if (err) { sock.destroy(); reject(err); return; }
      sock.end(packet(0xe0, Buffer.alloc(0)));
      resolve();
    };
    sock.on('error', (e) => finish(new Error(`MQTT broker ${broker.host}:${broker.port}: ${e.message}`)));
    sock.on('connect', () => {
      const header = Buffer.concat([str('MQTT'), Buffer.from([4, 0x02, 0, 60])]);
      sock.write(packet(0x10, Buffer.concat([header, str(clientId)])));
    });
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 2) {
        const type = buf[0] >> 4;
        const len = buf[1];
        if (buf.length < 2 + len) return;
        const body = buf.subarray(2, 2 + len);
        buf = buf.subarray(2 + len);
        if (type === 2) {
          if (body[1] !== 0) { finish(new Error(`MQTT broker refused the connection (code ${body[1]})`)); return; }
          if (pending === 0) { finish(); return; }
          messages.forEach((m, i) => {
            const payload = typeof m.payload === 'string' ? m.payload : JSON.stringify(m.payload);
            const id = Buffer.alloc(2);
            id.writeUInt16BE(i + 1);
            sock.write(packet(0x32 | (m.retain ? 1 : 0), Buffer.concat([str(m.topic), id, Buffer.from(payload, 'utf8')])));
          });
        } else if (type === 4) {
          pending -= 1;
          if (pending === 0) finish();
        }
      }
    });
  });
}

/** Remaining length of the packet at the start of `buf`: [length, bytes it took], or null while incomplete. */
function remaining(buf) {
  let n = 0;
  for (let i = 1, mul = 1; i < Math.min(buf.length, 5); i++, mul *= 128) {
    n += (buf[i] & 0x7f) * mul;
    if (!(buf[i] & 0x80)) return [n, i];
  }
  return null;
}

/**
 * A long-lived MQTT 3.1.1 client that subscribes (QoS 0) and publishes (QoS 0): enough to play a Zigbee2MQTT device
 * that answers requests. `onMessage(topic, payload: string, retain: boolean)` gets every message of its subscriptions.
 * @param {{host: string, port: number}} broker
 * @param {string[]} topics
 * @param {(topic: string, payload: string, retain: boolean) => void} onMessage
 * @returns {Promise<{publish(m: {topic: string, payload: string | object, retain?: boolean}): void, close(): void}>}
 */
export function mqttClient(broker, topics, onMessage) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(broker.port, broker.host);
    let buf = Buffer.alloc(0);
    let ping = null;
    const client = {
      publish(m) {
        const payload = typeof m.payload === 'string' ? m.payload : JSON.stringify(m.payload);
        sock.write(packet(0x30 | (m.retain ? 1 : 0), Buffer.concat([str(m.topic), Buffer.from(payload, 'utf8')])));
      },
      close() {
        clearInterval(ping);
        sock.end(packet(0xe0, Buffer.alloc(0)));
      },
    };
    sock.on('error', (e) => { clearInterval(ping); reject(new Error(`MQTT broker ${broker.host}:${broker.port}: ${e.message}`)); });
    sock.on('connect', () => {
      const header = Buffer.concat([str('MQTT'), Buffer.from([4, 0x02, 0, 60])]);
      sock.write(packet(0x10, Buffer.concat([header, str(`lock-sentinel-lab-${process.pid}-${Date.now() % 100000}`)])));
    });
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const len = remaining(buf);
        if (!len || buf.length < 1 + len[1] + len[0]) return;
        const first = buf[0];
        const body = buf.subarray(1 + len[1], 1 + len[1] + len[0]);
        buf = buf.subarray(1 + len[1] + len[0]);
        const type = first >> 4;
        if (type === 2) {
          if (body[1] !== 0) { reject(new Error(`MQTT broker refused the connection (code ${body[1]})`)); sock.destroy(); return; }
          const subs = Buffer.concat(topics.map((t) => Buffer.concat([str(t), Buffer.from([0])])));
          sock.write(packet(0x82, Buffer.concat([Buffer.from([0, 1]), subs])));
        } else if (type === 9) {
          ping = setInterval(() => sock.write(Buffer.from([0xc0, 0])), 30000);
          resolve(client);
        } else if (type === 3) {
          const topicLen = body.readUInt16BE(0);
          const topic = body.subarray(2, 2 + topicLen).toString('utf8');
          const qos = (first >> 1) & 3;
          const start = 2 + topicLen + (qos ? 2 : 0);
          if (qos === 1) sock.write(Buffer.concat([Buffer.from([0x40, 2]), body.subarray(2 + topicLen, 4 + topicLen)]));
          onMessage(topic, body.subarray(start).toString('utf8'), (first & 1) === 1);
        }
      }
    });
  });
}
