// A non-admin user's token: what HA refuses becomes unknown, never an error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditReport } from '../../src/engine.js';
import { loadLiveSnapshot } from '../../src/cli/live.js';
import { subscribeLockEvents } from '../../src/ha/feed.js';
import { connect, lab, runCli } from './support.js';

test('HA refuses a non-admin the lock event types but not state_changed', async () => {
  const conn = await connect(lab().nonadmin_token);
  const feed = await subscribeLockEvents(conn, () => undefined);
  assert.deepEqual(feed.subscribed, ['state_changed']);
  assert.deepEqual([...feed.refused].sort(), ['zha_event', 'zwave_js_notification']);
  await feed.close();
  conn.close();
});

test('a non-admin snapshot leaves out the user list and says who is asking', async () => {
  const { url, nonadmin_token, users } = lab();
  const snap = await loadLiveSnapshot({ url, token: nonadmin_token, days: 0 });
  assert.equal('users' in snap, false);
  assert.equal(snap.current_user?.id, users.nonadmin);
  assert.equal(snap.current_user?.is_admin, false);
  assert.ok(snap.states.some((s) => s.entity_id === 'lock.back_door'));
});

test('audit with a non-admin token reports the admin-only checks as unknown, with no error', async () => {
  const { url, nonadmin_token } = lab();
  const r = await runCli(['audit', '--url', url, '--token', nonadmin_token, '--days', '1', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /error|refused|unauthorized/i);
  const report = JSON.parse(r.stdout) as AuditReport;
  const admins = report.checks.find((c) => c.id === 'few-admins');
  assert.equal(admins?.status, 'unknown');
  assert.match(admins?.evidence ?? '', /admin/);
  assert.ok(report.locks.length >= 5);

  const asAdmin = JSON.parse((await runCli(['audit', '--url', url, '--token', lab().token, '--days', '1', '--json'])).stdout) as AuditReport;
  assert.notEqual(asAdmin.checks.find((c) => c.id === 'few-admins')?.status, 'unknown');
});
