// Every protocol, registered: imported by what works on any house or on every protocol (the CLI, its engine and
// capture, the alert generator and blueprints). The card's audit registers only its house's protocols, as it meets
// them (index.ts, loadProtocols); its alert installer brings them all.
import { register } from './index.js';
import { matter } from './matter.js';
import { zha } from './zha.js';
import { zigbee2mqtt } from './zigbee2mqtt.js';
import { zwaveJs } from './zwave-js.js';

register(zwaveJs, zha, zigbee2mqtt, matter);
