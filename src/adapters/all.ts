// Every protocol, registered: imported by what works on any house or on every protocol (the CLI's engine, the
// blueprints). The card registers only its house's protocols, as it meets them (index.ts, loadProtocols).
import { register } from './index.js';
import { matter } from './matter.js';
import { zha } from './zha.js';
import { zigbee2mqtt } from './zigbee2mqtt.js';
import { zwaveJs } from './zwave-js.js';

register(zwaveJs, zha, zigbee2mqtt, matter);
