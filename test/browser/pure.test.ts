// The card's pure helpers (no element): history → events, dedupe with the live stream, stored data, translations.
import { expect } from '@open-wc/testing';
import { thresholdsOf, validateConfig } from '../../cards/lock-sentinel-card/config.js';
import { EventLog, historyToEvents } from '../../cards/lock-sentinel-card/data/history.js';
import { baseLanguage, loadEnglishRest, loadTable, translator } from '../../cards/lock-sentinel-card/i18n.js';
import { parseShared } from '../../cards/lock-sentinel-card/data/storage.js';
import { summarizeUsercodes } from '../../cards/lock-sentinel-card/data/usercodes.js';
import { selectLocks, watchedEntities } from '../../cards/lock-sentinel-card/data/header.js';
import type { Lock } from '../../src/model/lock.js';
import type { Finding } from '../../src/model/finding.js';
import { batteryLook, formatVersion, lockLook } from '../../cards/lock-sentinel-card/present.js';
import { loadProtocols } from '../../src/adapters/index.js';
import { formatter, relativeTime } from '../../cards/lock-sentinel-card/format.js';
import { alertKey, groupAlerts } from '../../cards/lock-sentinel-card/views/alert-groups.js';
import { byDay, methodIcon } from '../../cards/lock-sentinel-card/views/timeline.js';

const lock = (entity_id: string, extra: Partial<Lock> = {}): Lock => ({
  entity_id, name: entity_id, protocol: 'zwave_js', device_id: null, state: 'locked', last_changed: null, battery: null,
  battery_entity: null, firmware: null, door_entity: null, sensors: { tamper: [], jam: [], keypad_disabled: [] }, protocol_entities: {}, ...extra,
});

describe('history and the live stream', () => {
  it('history rows become state_changed events; the first row is the starting state', () => {
    const events = historyToEvents({
      'lock.a': [{ s: 'locked', a: { friendly_name: 'A' }, lu: 1000 }, { s: 'unlocked', lu: 1060.5 }, { s: 'locked', lu: 1200, lc: 1200 }],
    });
    expect(events).to.have.length(2);
    const first = events[0]!.data as { old_state: { state: string }; new_state: { state: string; attributes: object; last_updated: string } };
    expect(first.old_state.state).to.equal('locked');
    expect(first.new_state.state).to.equal('unlocked');
    expect(first.new_state.attributes).to.deep.equal({ friendly_name: 'A' });
    expect(first.new_state.last_updated).to.equal('1970-01-01T00:17:40.500Z');
    expect(events[0]!.time_fired).to.equal(first.new_state.last_updated);
  });

  it('a live event already in the history (same entity and time) is added once', () => {
    const log = new EventLog();
    const [fromHistory] = historyToEvents({ 'lock.a': [{ s: 'locked', lu: 1000 }, { s: 'unlocked', lu: 1060.25 }] });
    const live = {
      event_type: 'state_changed', time_fired: '1970-01-01T00:17:40.250123+00:00',
      data: { entity_id: 'lock.a', old_state: null, new_state: { entity_id: 'lock.a', state: 'unlocked', attributes: {}, last_updated: '1970-01-01T00:17:40.250+00:00' } },
    };
    expect(log.add(fromHistory!)).to.equal(true);
    expect(log.add(live)).to.equal(false);
    expect(log.add({ ...live, event_type: 'zwave_js_notification', data: { event: 6 } })).to.equal(true);
    expect(log.events).to.have.length(2);
  });

  it('the card watches its locks and their entities, persons and zone.home, nothing else', () => {
    const watched = watchedEntities([lock('lock.a', { battery_entity: 'sensor.a_battery', protocol_entities: { action: ['event.a_action'] } })], ['person.x', 'zone.home', 'light.k']);
    expect([...watched].sort()).to.deep.equal(['event.a_action', 'lock.a', 'person.x', 'sensor.a_battery', 'zone.home']);
    // Z-Wave JS problem sensors and Zigbee2MQTT's action user/source sensors are the lock's too.
    const zw = watchedEntities([lock('lock.p', { sensors: { jam: ['binary_sensor.p_lock_jammed'], keypad_disabled: ['binary_sensor.p_keypad_temporary_disabled'],
      tamper: ['binary_sensor.p_tampering_product_cover_removed'] }, protocol_entities: { action_user: ['sensor.p_action_user'] } })], []);
    expect([...zw].sort()).to.deep.equal(['binary_sensor.p_keypad_temporary_disabled', 'binary_sensor.p_lock_jammed', 'binary_sensor.p_tampering_product_cover_removed', 'lock.p', 'sensor.p_action_user']);
  });

  it('configured locks keep config order and unknown ids are reported', () => {
    const r = selectLocks([lock('lock.a'), lock('lock.b')], ['lock.b', 'lock.x', 'lock.a']);
    expect(r.locks.map((l) => l.entity_id)).to.deep.equal(['lock.b', 'lock.a']);
    expect(r.missing).to.deep.equal(['lock.x']);
  });
});

describe('stored data and codes', () => {
  it('malformed stored data becomes empty parts, never an exception', () => {
    expect(parseShared(null)).to.deep.equal({ code_registry: [], checklist: {}, reviews: [], acknowledged: [] });
    const s = parseShared({
      code_registry: [{ lock: 'lock.a', slot: 1, name: 'Ann', role: 'family' }, { lock: 'lock.a', slot: 'x', name: 'bad' }, null],
      checklist: { wifi: true, router: 'yes' }, reviews: [{ time: '2026-01-01T00:00:00Z' }, { when: 1 }], acknowledged: ['k', 3],
    });
    expect(s.code_registry.map((e) => e.name)).to.deep.equal(['Ann']);
    expect(s.checklist).to.deep.equal({ wifi: true });
    expect(s.reviews).to.have.length(1);
    expect(s.acknowledged).to.deep.equal(['k']);
  });

  it('usercodes become in-use slots and verdicts; the summary holds no code', () => {
    const summary = summarizeUsercodes({
      '1': { usercode: '1234', in_use: true }, '2': { usercode: '', in_use: false }, '3': { usercode: '583920', in_use: true },
    });
    expect(summary.slots).to.deep.equal([1, 3]);
    expect(summary.verdicts.get(1)!.verdict).to.equal('weak');
    expect(summary.verdicts.get(3)!.verdict).to.equal('strong');
    const dump = JSON.stringify({ slots: summary.slots, verdicts: [...summary.verdicts] });
    expect(dump).not.to.include('1234');
    expect(dump).not.to.include('583920');
  });

  it('config validation copies (never mutates) a frozen config and fills defaults', () => {
    const raw = Object.freeze({ type: 'custom:lock-sentinel-card', entities: 'lock.front' });
    const c = validateConfig(raw);
    expect(c).to.deep.equal({
      type: 'custom:lock-sentinel-card', entities: ['lock.front'], mode: 'full', view: 'overview', history_days: 7,
      failed_attempts: 5, low_battery: 30, stale_days: 90, views: ['overview', 'alerts', 'codes', 'timeline', 'scorecard'],
    });
    expect(raw.entities).to.equal('lock.front');
    // A card showing only some views starts on the first of them; a first view that is not shown is refused.
    expect(validateConfig({ type: 'x', views: ['scorecard'] })).to.deep.include({ view: 'scorecard', views: ['scorecard'] });
    expect(() => validateConfig({ type: 'x', views: ['scorecard'], view: 'codes' })).to.throw(/"view" must be one of the "views" shown/);
    expect(() => validateConfig({ type: 'x', views: ['map'] })).to.throw(/"views" must be a list of overview, alerts, codes, timeline, scorecard/);
    expect(() => validateConfig({ type: 'x', views: [] })).to.throw(/"views" must be a list/);
  });

  it('the guide\'s thresholds can be set per card and reach the engine; out-of-range values are refused', () => {
    const c = validateConfig({ type: 'custom:lock-sentinel-card', failed_attempts: 3, low_battery: 40 });
    expect(thresholdsOf(c)).to.deep.equal({ failedAttempts: 3, lowBattery: 40, staleDays: 90 });
    expect(() => validateConfig({ type: 'custom:lock-sentinel-card', low_battery: 0 })).to.throw(/"low_battery" must be a whole number from 5 to 95/);
    expect(() => validateConfig({ type: 'custom:lock-sentinel-card', failed_attempts: 1 })).to.throw(/"failed_attempts"/);
  });
});

describe('translations', () => {
  it('every language has exactly the English keys and the same placeholders', async () => {
    await loadEnglishRest();
    const en = await loadTable('en');
    expect(Object.keys(en).length).to.be.greaterThan(150);
    for (const lang of ['de', 'fr', 'es', 'nl']) {
      const t = await loadTable(lang);
      expect(Object.keys(t).sort(), lang).to.deep.equal(Object.keys(en).sort());
      for (const [k, v] of Object.entries(en)) {
        const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(ph(t[k]!), `${lang} ${k}`).to.deep.equal(ph(v));
      }
    }
  });

  it('a count of one has its own wording', async () => {
    const t = translator(await loadTable('en'));
    expect(t('alerts.open', { count: 1 })).to.equal('1 open alert');
    expect(t('alerts.open', { count: 2 })).to.equal('2 open alerts');
    expect(translator(await loadTable('de'))('alerts.open', { count: 1 })).to.equal('1 offene Warnung');
  });

  it('picks the base language, falls back to English, inserts names as plain text', async () => {
    expect(baseLanguage('de-CH')).to.equal('de');
    expect(baseLanguage('pt-BR')).to.equal('en');
    expect(baseLanguage(undefined)).to.equal('en');
    const t = translator(await loadTable('de'));
    expect(t('view.timeline')).to.equal('Verlauf');
    expect(t('notice.missing', { entities: '<img src=x>' })).to.equal('Nicht gefunden: <img src=x>');
    expect(t('state.frobnicated')).to.equal('frobnicated');
  });
});

describe('presentation', () => {
  it('firmware: a Zigbee2MQTT OTA file version in decimal reads as HA and the Zigbee tools write it; others as reported', async () => {
    // The card loads a protocol's module with the house's first lock of it (an MQTT lock here).
    await loadProtocols(['mqtt']);
    const z2m = (v: string) => formatVersion('zigbee2mqtt', v);
    expect(z2m('16777250')).to.equal('0x01000022');
    expect(z2m('16777241')).to.equal('0x01000019');
    expect(z2m('4294967295')).to.equal('0xffffffff');
    expect(z2m('4294967296')).to.equal('4294967296');
    expect(z2m('1.4')).to.equal('1.4');
    expect(z2m('65535')).to.equal('65535');
    expect(z2m('0x01000022')).to.equal('0x01000022');
    // Only the protocol's module formats its versions: the others show what HA reports.
    for (const p of ['zwave_js', 'zha', 'matter', 'generic'] as const) expect(formatVersion(p, '16777250')).to.equal('16777250');
  });

  it('lock state → icon and HA state colour class; battery → icon by level, low by the card threshold', () => {
    expect(lockLook('locked').tone).to.equal('state-locked');
    expect(lockLook('unlocked').tone).to.equal('state-unlocked');
    expect(lockLook('jammed').tone).to.equal('state-jammed');
    expect(lockLook('unlocking').tone).to.equal('state-pending');
    expect(lockLook('unavailable').tone).to.equal('state-unavailable');
    expect(new Set([5, 25, 65, 100].map((l) => batteryLook(l, 30).path)).size).to.equal(4);
    expect([5, 25, 40].map((l) => batteryLook(l, 30).cls)).to.deep.equal(['empty', 'low', '']);
    expect(batteryLook(40, 50).cls).to.equal('low');
  });

  it('every access method but unknown has an icon (unknown shows nothing)', () => {
    for (const m of ['keypad', 'rf', 'manual', 'auto', 'rfid', 'fingerprint', 'key', 'remote'] as const) expect(methodIcon(m), m).to.match(/^M/);
    expect(methodIcon('unknown')).to.equal(null);
  });

  it('relative times in the user language; events grouped by calendar day in the house zone', () => {
    const en = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    expect(relativeTime(en, -2 * 3_600_000)).to.equal('2 hours ago');
    expect(relativeTime(en, -10 * 60_000)).to.equal('10 minutes ago');
    expect(relativeTime(en, -86_400_000)).to.equal('yesterday');
    expect(relativeTime(new Intl.RelativeTimeFormat('de', { numeric: 'auto' }), -3 * 60_000)).to.equal('vor 3 Minuten');
    const f = formatter('en', 'Europe/Berlin');
    const at = (iso: string) => ({ time: Date.parse(iso) }) as never;
    // 23:30 UTC is already the next day in Berlin.
    const days = byDay([at('2026-11-25T23:30:00Z'), at('2026-11-25T12:00:00Z'), at('2026-11-24T09:00:00Z')], f.dayKey);
    expect(days.map((d) => [d.day, d.events.length])).to.deep.equal([['2026-11-26', 1], ['2026-11-25', 1], ['2026-11-24', 1]]);
  });

  it('alerts group by lock and kind with counts, newest first, open before acknowledged, critical before warning', () => {
    const f = (id: Finding['id'], entity_id: string, time: string, severity: Finding['severity'] = 'warning'): Finding =>
      ({ id, entity_id, time, severity, evidence: 'e', fix: 'x' });
    const findings = [
      f('failed-attempts', 'lock.a', '2026-11-24T10:00:00Z', 'critical'), f('failed-attempts', 'lock.a', '2026-11-24T12:00:00Z', 'critical'),
      f('failed-attempts', 'lock.b', '2026-11-24T11:00:00Z', 'critical'), f('low-battery', 'lock.a', '2026-11-24T09:00:00Z'),
      f('weak-code', 'lock.a', '2026-11-24T09:00:00Z'), // hygiene, not a live alert
    ];
    const acked = [alertKey(findings[2]!)];
    const groups = groupAlerts(findings, acked, (e) => e ?? '');
    expect(groups.map((g) => [g.key, g.findings.length, g.open, g.newest])).to.deep.equal([
      ['failed-attempts|lock.a', 2, 2, '2026-11-24T12:00:00Z'],
      ['low-battery|lock.a', 1, 1, '2026-11-24T09:00:00Z'],
      ['failed-attempts|lock.b', 1, 0, '2026-11-24T11:00:00Z'],
    ]);
    expect(groups[0]!.openKeys).to.deep.equal([alertKey(findings[0]!), alertKey(findings[1]!)]);
  });
});
