// Clearing a code on Matter: `matter.clear_lock_credential {credential_type: pin, credential_index: slot}` (HA 2026.3+,
// service data as HA 2026.11's services.py takes it), sent by the CLI's clear-code, the card and the guest-expiry
// automations; on an HA without the service (the floor, 2025.4) nothing emits or sends it, and the notes say why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverLocks } from '../../src/adapters/discovery.js';
import type { WsCall } from '../../src/adapters/protocol.js';
import { clearCode } from '../../src/cli/commands/clear-code.js';
import { UsageError } from '../../src/cli/command.js';
import { generate, ID_PREFIX } from '../../src/generate/generate.js';
import type { CodeRegistryEntry, Snapshot } from '../../src/model/ha.js';
import { clearCodeServiceCall, noClearWhy } from '../../src/services/clear-code.js';
import { cli, filesUnder, tempDir } from './helpers/cli.js';
import { matterHouse } from './helpers/coverage-houses.js';
import { lockUsers } from './helpers/matter.js';

/** The house's in-use Z-Wave PINs (readable) and the Matter lock's user name that carries one. */
const PINS = ['573194', '842637'];
const FUTURE = '2099-01-01T10:00:00.000Z';
const guest = (lock: string, slot: number): CodeRegistryEntry =>
  ({ lock, slot, name: `Guest ${slot}`, role: 'guest', added: '2026-11-01T00:00:00Z', expires: FUTURE });

/** The Matter house (a Z-Wave lock with readable codes, a Matter lock), its HA release, a guest on each lock. */
function houseOn(version: string | undefined): Snapshot {
  const snap = matterHouse();
  snap.config = { ...snap.config, version };
  snap.code_registry = [...snap.code_registry!, guest('lock.side', 3), guest('lock.front', 2)];
  return snap;
}

const generated = (snap: Snapshot) => generate({
  locks: discoverLocks(snap), registry: snap.code_registry ?? [], notify: [], now: new Date('2026-12-01T00:00:00Z'),
  haVersion: snap.config.version as string | undefined,
});

const MATTER_CLEAR = {
  action: 'matter.clear_lock_credential', target: { entity_id: 'lock.side' }, data: { credential_type: 'pin', credential_index: 3 },
};

test('the call: clear_lock_credential of the PIN credential index on the lock entity, on HA 2026.3+ only', () => {
  const [side] = discoverLocks(houseOn('2026.11.0')).filter((l) => l.protocol === 'matter');
  assert.deepEqual(clearCodeServiceCall(side, 3, { haVersion: '2026.11.0' }), {
    domain: 'matter', service: 'clear_lock_credential', service_data: { credential_type: 'pin', credential_index: 3 },
    target: { entity_id: 'lock.side' },
  });
  assert.equal(noClearWhy(side, '2026.3.0'), null);
  assert.equal(noClearWhy(side, '2025.4.4'), 'Home Assistant 2025.4 has no matter.clear_lock_credential (it needs 2026.3+)');
  assert.equal(noClearWhy(side, '2026.2.3'), 'Home Assistant 2026.2 has no matter.clear_lock_credential (it needs 2026.3+)');
  // Not knowing the release is no proof the service exists; a forged version string is never repeated.
  for (const unknown of [undefined, null, 'dev', '\u001b[2J2027']) {
    assert.equal(noClearWhy(side, unknown), 'matter.clear_lock_credential needs Home Assistant 2026.3+, and the version of this one is not known');
  }
  assert.throws(() => clearCodeServiceCall(side, 3, { haVersion: '2025.4.4' }), /Home Assistant 2025\.4 has no matter\.clear_lock_credential/);
  assert.throws(() => clearCodeServiceCall(side, 3), /version of this one is not known/);
});

test('guest expiry on a Matter house with HA 2026.11: the Matter guest code is cleared through clear_lock_credential, in the automation and the breach script', () => {
  const gen = generated(houseOn('2026.11.0'));
  const matter = gen.automations.find((a) => a.id === `${ID_PREFIX}guest_expiry_side_3`);
  assert.ok(matter, 'the Matter guest code gets its expiry automation');
  assert.deepEqual(matter.actions[0], MATTER_CLEAR);
  assert.ok(gen.automations.some((a) => a.id === `${ID_PREFIX}guest_expiry_front_2`), 'the Z-Wave guest code too');
  assert.deepEqual(gen.notes.filter((n) => n.startsWith('guest code')), []);
  const sequence = gen.scripts.lock_sentinel_suspected_breach.sequence;
  assert.deepEqual(sequence.filter((s) => String(s.action).endsWith('clear_lock_credential')), [{ ...MATTER_CLEAR, continue_on_error: true }]);
  assert.match(JSON.stringify(sequence), /2 guest codes cleared/);
});

test('guest expiry on a Matter house with HA 2025.4 (no Matter lock services) or an unknown release: no Matter clear anywhere, a note says why', () => {
  for (const [version, why] of [
    ['2025.4.4', 'Home Assistant 2025.4 has no matter.clear_lock_credential (it needs 2026.3+)'],
    [undefined, 'matter.clear_lock_credential needs Home Assistant 2026.3+, and the version of this one is not known'],
  ] as const) {
    const gen = generated(houseOn(version));
    assert.ok(!JSON.stringify([gen.automations, gen.scripts]).includes('matter.'), `no Matter service on ${version}`);
    assert.ok(!gen.automations.some((a) => a.id === `${ID_PREFIX}guest_expiry_side_3`));
    assert.deepEqual(gen.notes.filter((n) => n.startsWith('guest code')), [`guest code lock.side slot 3: ${why}`]);
    // The Z-Wave guest code is cleared on every release; the breach script counts only what it clears.
    assert.ok(gen.automations.some((a) => a.id === `${ID_PREFIX}guest_expiry_front_2`));
    assert.match(JSON.stringify(gen.scripts), /1 guest codes cleared/);
  }
});

test('the CLI\'s generate takes the release from the house: the Matter clear on 2026.11, a note on 2025.4; no PIN in any output', () => {
  for (const version of ['2026.11.0', '2025.4.4']) {
    const dir = tempDir('ls-matter-clear-');
    const file = join(dir, 'house.json');
    writeFileSync(file, JSON.stringify(houseOn(version)));
    const out = join(dir, 'out');
    const r = cli(['generate', '--snapshot', file, '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const yaml = readFileSync(join(out, 'lock_sentinel_automations.yaml'), 'utf8');
    if (version === '2026.11.0') {
      assert.match(yaml, /action: matter\.clear_lock_credential\n\s+target:\n\s+entity_id: lock\.side\n\s+data:\n\s+credential_type: pin\n\s+credential_index: 3\n/);
      assert.doesNotMatch(r.stderr, /lock\.side slot 3/);
    } else {
      assert.doesNotMatch(yaml, /matter\./);
      assert.match(r.stderr, /note: guest code lock\.side slot 3: Home Assistant 2025\.4 has no matter\.clear_lock_credential \(it needs 2026\.3\+\)/);
    }
    for (const text of [r.stdout, r.stderr, ...filesUnder(out)]) for (const pin of PINS) assert.ok(!text.includes(pin), `PIN in an output (${version})`);
  }
});

/** HA's side of the CLI's websocket: Matter's users, the service calls, the registry in frontend system data; every message kept. */
function ha(registry: CodeRegistryEntry[], sent: Record<string, unknown>[], refuse?: { code: string; message: string }): WsCall {
  let stored = { code_registry: registry };
  return (async (msg: Record<string, unknown>) => {
    sent.push(msg);
    if (msg.type === 'call_service' && msg.service === 'get_lock_users') {
      return { response: { 'lock.side': lockUsers([{ user_index: 2, user_name: 'Guest', credentials: [{ type: 'pin', index: 3 }] }]) } };
    }
    if (msg.type === 'call_service') {
      if (refuse) throw refuse;
      return { context: { id: 'c1' }, response: null };
    }
    if (msg.type === 'frontend/get_system_data') return { value: stored };
    if (msg.type === 'frontend/set_system_data') { stored = msg.value as typeof stored; return null; }
    throw { code: 'unknown_command', message: 'Unknown command.' };
  }) as WsCall;
}

const serviceCalls = (sent: Record<string, unknown>[]) => sent.filter((m) => m.type === 'call_service' && m.service !== 'get_lock_users');

test('clear-code on a Matter lock (HA 2026.11): sends exactly clear_lock_credential, forgets the slot\'s record, says so without a PIN', async () => {
  const snap = houseOn('2026.11.0');
  const sent: Record<string, unknown>[] = [];
  const line = await clearCode(snap, ha(snap.code_registry!, sent), { lock: 'lock.side', slot: 3 });
  assert.deepEqual(serviceCalls(sent), [{
    type: 'call_service', domain: 'matter', service: 'clear_lock_credential',
    service_data: { credential_type: 'pin', credential_index: 3 }, target: { entity_id: 'lock.side' },
  }]);
  const saved = sent.find((m) => m.type === 'frontend/set_system_data')?.value as { code_registry: CodeRegistryEntry[] };
  assert.deepEqual(saved.code_registry.filter((e) => e.lock === 'lock.side' && e.slot === 3), []);
  assert.equal(saved.code_registry.length, snap.code_registry!.length - 1);
  assert.equal(line, 'Side Door slot 3: code cleared through matter.clear_lock_credential; its registry record removed.');
  for (const pin of PINS) assert.ok(!JSON.stringify(sent).includes(pin) && !line.includes(pin));
  // A slot nobody recorded: cleared all the same, the registry left as it was.
  const again: Record<string, unknown>[] = [];
  assert.equal(await clearCode(snap, ha([], again), { lock: 'lock.side', slot: 7 }),
    'Side Door slot 7: code cleared through matter.clear_lock_credential; no registry record for it.');
  assert.equal(serviceCalls(again).length, 1);
  assert.ok(!again.some((m) => m.type === 'frontend/set_system_data'));
});

test('clear-code refuses before sending anything: HA 2025.4 (no Matter lock services), a non-admin token, an unknown lock; HA\'s refusal is one line without digits', async () => {
  const floor = houseOn('2025.4.4');
  const sent: Record<string, unknown>[] = [];
  await assert.rejects(clearCode(floor, ha([], sent), { lock: 'lock.side', slot: 3 }),
    (e: Error) => e instanceof UsageError && e.message === 'Side Door: Home Assistant 2025.4 has no matter.clear_lock_credential (it needs 2026.3+)');
  const user = houseOn('2026.11.0');
  user.current_user = { ...user.current_user!, is_admin: false };
  await assert.rejects(clearCode(user, ha([], sent), { lock: 'lock.side', slot: 3 }), /needs an administrator/);
  await assert.rejects(clearCode(houseOn('2026.11.0'), ha([], sent), { lock: 'lock.nope', slot: 3 }), /no lock lock\.nope/);
  assert.deepEqual(serviceCalls(sent), []);
  // The lock refuses (HA's error may quote numbers): one line, no run of digits.
  const refusing = ha([], [], { code: 'home_assistant_error', message: 'Failed to clear lock credential on lock.side: 573194\ntrace' });
  await assert.rejects(clearCode(houseOn('2026.11.0'), refusing, { lock: 'lock.side', slot: 3 }),
    (e: Error) => e instanceof UsageError && !/\d{4,}|\n/.test(e.message) && /did not clear the code/.test(e.message));
});

test('clear-code: bad input is one line and exit 2', () => {
  for (const args of [['clear-code'], ['clear-code', '--url', 'http://127.0.0.1:9', '--token', 't', '--slot', '3'],
    ['clear-code', '--url', 'http://127.0.0.1:9', '--token', 't', '--lock', 'lock.side', '--slot', '0'], ['clear-code', '--demo', '--lock', 'lock.side', '--slot', '3']]) {
    const r = cli(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.equal(r.stdout, '');
  }
});
