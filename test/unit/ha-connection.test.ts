// What a user types as the Home Assistant URL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, connectHa, HaConnectError } from '../../src/ha/connection.js';

test('a URL is reduced to scheme, host and port', () => {
  assert.equal(baseUrl('http://homeassistant.local:8123/'), 'http://homeassistant.local:8123');
  assert.equal(baseUrl(' https://ha.example.org/lovelace/0 '), 'https://ha.example.org');
});

test('anything but an http(s) URL is a one-line error', () => {
  assert.throws(() => baseUrl('homeassistant.local'), (e: unknown) => e instanceof HaConnectError && /^not a URL \(expected/.test(e.message));
  assert.throws(() => baseUrl('ws://ha:8123'), (e: unknown) => e instanceof HaConnectError && /^not an http\(s\) URL/.test(e.message));
});

test('an empty token is refused before connecting', async () => {
  await assert.rejects(connectHa('http://127.0.0.1:8123', '  '), (e: unknown) => e instanceof HaConnectError && e.message === 'empty access token');
});
