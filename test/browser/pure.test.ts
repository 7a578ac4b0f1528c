// The card's pure helpers (no element): history → events, dedupe with the live stream, stored data, translations.
import { expect } from '@open-wc/testing';
import { thresholdsOf, validateConfig } from '../../cards/lock-sentinel-card/config.js';
import { EventLog, historyToEvents } from '../../cards/lock-sentinel-card/history.js';
import { baseLanguage, loadTable, translator } from '../../cards/lock-sentinel-card/i18n.js';
import { parseShared } from '../../cards/lock-sentinel-card/storage.js';
import { summarizeUsercodes } from '../../cards/lock-sentinel-card/usercodes.js';
import { selectLocks, watchedEntities } from '../../cards/lock-sentinel-card/header.js';
import type { Lock } from '../../src/model/lock.js';

const lock = (entity_id: string, extra: Partial<Lock> = {}): Lock => ({
  entity_id, name: entity_id, protocol: 'zwave_js', device_id: null, state: 'locked', last_changed: null, battery: null,
  battery_entity: null, firmware: null, door_entity: null, tamper_entity: null, action_entities: [], ...extra,
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
    const watched = watchedEntities([lock('lock.a', { battery_entity: 'sensor.a_battery', action_entities: ['event.a_action'] })], ['person.x', 'zone.home', 'light.k']);
    expect([...watched].sort()).to.deep.equal(['event.a_action', 'lock.a', 'person.x', 'sensor.a_battery', 'zone.home']);
    // Z-Wave JS problem sensors and Zigbee2MQTT's action user/source sensors are the lock's too.
    const zw = watchedEntities([lock('lock.p', { jam_entity: 'binary_sensor.p_lock_jammed', keypad_disabled_entity: 'binary_sensor.p_keypad_temporary_disabled',
      tamper_entities: ['binary_sensor.p_tampering_product_cover_removed'], action_user_entity: 'sensor.p_action_user' })], []);
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
    const en = await loadTable('en');
    for (const lang of ['de', 'fr', 'es', 'nl']) {
      const t = await loadTable(lang);
      expect(Object.keys(t).sort(), lang).to.deep.equal(Object.keys(en).sort());
      for (const [k, v] of Object.entries(en)) {
        const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(ph(t[k]!), `${lang} ${k}`).to.deep.equal(ph(v));
      }
    }
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
