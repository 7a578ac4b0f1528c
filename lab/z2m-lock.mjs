#!/usr/bin/env node
// The lab's Zigbee2MQTT lock as a running device: answers `get`/`set` of `pin_code` on zigbee2mqtt/back_door
// through the lab's mosquitto, as Zigbee2MQTT does (lab/z2m.mjs). Started and stopped by lab/lab.mjs.
//   node lab/z2m-lock.mjs <broker host> <broker port>
// It logs what it is asked, never a code.
import { mqttClient } from './mqtt.mjs';
import { STATE_TOPIC, z2mLock } from './z2m.mjs';

const [host, port] = process.argv.slice(2);
const lock = z2mLock();
let client;
client = await mqttClient({ host, port: Number(port) }, [STATE_TOPIC, `${STATE_TOPIC}/get`, `${STATE_TOPIC}/set`], (topic, payload) => {
  const out = lock.handle(topic, payload);
  if (topic !== STATE_TOPIC) console.log(`${new Date().toISOString()} ${topic.slice(STATE_TOPIC.length + 1)}: ${out.length} answer(s)`);
  for (const m of out) client.publish(m);
});
console.log(`${new Date().toISOString()} answering on ${STATE_TOPIC}/get and /set`);
const quit = () => { client.close(); setTimeout(() => process.exit(0), 100); };
process.on('SIGTERM', quit);
process.on('SIGINT', quit);
