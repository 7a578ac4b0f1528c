// Opening an authenticated connection to Home Assistant (browser-safe: no Node modules here; see node.ts).
import {
  createConnection, createLongLivedTokenAuth, ERR_CANNOT_CONNECT, ERR_INVALID_AUTH, type Connection,
} from 'home-assistant-js-websocket';

/** A connection problem worth one line to the user (never contains the token). */
export class HaConnectError extends Error {}

/** `http(s)://host[:port]` from what the user typed; throws HaConnectError for anything else. */
export function baseUrl(input: string): string {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    // The input is not quoted: a URL may hold a password.
    throw new HaConnectError('not a URL (expected e.g. http://homeassistant.local:8123)');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new HaConnectError('not an http(s) URL (expected e.g. http://homeassistant.local:8123)');
  }
  if (u.username || u.password) throw new HaConnectError('the URL must not hold a user name or password: give the access token with --token');
  return `${u.protocol}//${u.host}`;
}

/** Connects with a long-lived access token. Reconnection afterwards is the library's (it re-subscribes). */
export async function connectHa(url: string, token: string): Promise<Connection> {
  const base = baseUrl(url);
  if (!token.trim()) throw new HaConnectError('empty access token');
  try {
    return await createConnection({ auth: createLongLivedTokenAuth(base, token.trim()), setupRetry: 0 });
  } catch (e) {
    if (e === ERR_INVALID_AUTH) throw new HaConnectError(`Home Assistant at ${base} refused the access token`);
    if (e === ERR_CANNOT_CONNECT) throw new HaConnectError(`cannot reach Home Assistant at ${base}`);
    throw new HaConnectError(`cannot connect to Home Assistant at ${base}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
