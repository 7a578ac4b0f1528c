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
