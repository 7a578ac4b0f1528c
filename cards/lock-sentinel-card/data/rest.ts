// The generator's installer talks to HA's REST API through HaRest; in the card that is hass.callApi.
import type { HaRest } from '../../../src/generate/installer.js';
import type { HomeAssistant } from './hass.js';

/** hass.callApi resolves with the body and rejects with {status_code, body} (HA frontend's handleFetchPromise). */
export function hassRest(callApi: NonNullable<HomeAssistant['callApi']>): HaRest {
  return {
    async request(method, path, body) {
      try {
        return { status: 200, body: await callApi(method, path.replace(/^\/api\//, ''), body) };
      } catch (err) {
        const e = (typeof err === 'object' && err !== null ? err : {}) as { status_code?: unknown; body?: unknown; error?: unknown };
        return { status: typeof e.status_code === 'number' ? e.status_code : 500, body: e.body ?? e.error ?? String(err) };
      }
    },
  };
}
