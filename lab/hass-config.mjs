// Writes the lab's Home Assistant configuration into the config directory.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TIME_ZONE = 'Europe/Berlin';

/**
 * HA's core config, applied over the websocket (`config/core/update`) on every start rather than written in YAML:
 * YAML would lock it, and tests change the time zone to put "now" in the unusual hours; `up` puts it back.
 */
export const CORE_CONFIG = {
  location_name: 'Lock Sentinel Lab', latitude: 52.52, longitude: 13.405, elevation: 34, radius: 100,
  unit_system: 'metric', currency: 'EUR', country: 'DE', language: 'en', time_zone: TIME_ZONE,
};

/** `httpYaml: false` once HA keeps its HTTP config in storage (HA 2026.x; lab/http-config.mjs). */
export function writeConfig(dir, { port, httpYaml = true }) {
  mkdirSync(dir, { recursive: true });
  const http = httpYaml ? `http:\n  server_host: 127.0.0.1\n  server_port: ${port}\n` : '';
  writeFileSync(join(dir, 'configuration.yaml'), `# Written by lab/lab.mjs on every start: edit lab/hass-config.mjs instead.
${http}logger:
  default: warning
api:
websocket_api:
config:
frontend:
lovelace:
  mode: storage
automation: !include automations.yaml
script: !include scripts.yaml
demo:
logbook:
history:
recorder:
  commit_interval: 1
person:
mobile_app:
zone:
persistent_notification:
`);
  if (!existsSync(join(dir, 'automations.yaml'))) writeFileSync(join(dir, 'automations.yaml'), '[]\n');
  if (!existsSync(join(dir, 'scripts.yaml'))) writeFileSync(join(dir, 'scripts.yaml'), '');
  mkdirSync(join(dir, 'www'), { recursive: true }); // HA serves /local (the card, lab/frontend) only if www exists at start
}
