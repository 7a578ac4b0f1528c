import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LockSentinelCard } from '../../cards/lock-sentinel-card/card.js';
import { iso, PINS, withState, zwaveNotification } from './fixtures.js';
import { allDomText, mount, openView, text, unmountAll, until } from './helpers.js';

afterEach(() => unmountAll());

describe('card contract', () => {
  it('rejects bad config with one clear line (HA shows it in its error card)', () => {
    const el = document.createElement('lock-sentinel-card') as LockSentinelCard;
    const bad: [unknown, RegExp][] = [
      [null, /config must be an object/],
      [{ type: 'custom:lock-sentinel-card', entities: ['light.kitchen'] }, /"entities" must be a list of lock entity ids/],
      [{ type: 'custom:lock-sentinel-card', mode: 'tiny' }, /"mode" must be one of full, compact/],
      [{ type: 'custom:lock-sentinel-card', history_days: 0 }, /"history_days" must be a whole number from 1 to 30/],
      [{ type: 'custom:lock-sentinel-card', colour: 'red' }, /unknown option "colour"/],
    ];
    for (const [config, message] of bad) {
      expect(() => el.setConfig(config)).to.throw(message);
      let msg = '';
      try { el.setConfig(config); } catch (e) { msg = (e as Error).message; }
      expect(msg).not.to.include('\n');
    }
    const frozen = Object.freeze({ type: 'custom:lock-sentinel-card', entities: Object.freeze(['lock.front_door']), grid_options: { columns: 12 } });
    expect(() => el.setConfig(frozen)).not.to.throw();
  });

  it('starts whether hass or the config arrives first', async () => {
    const { harness } = await import('./fixtures.js');
    const h = harness();
    const el = document.createElement('lock-sentinel-card') as LockSentinelCard;
    el.hass = h.hass;
    document.body.append(el);
    el.setConfig({ type: 'custom:lock-sentinel-card', entities: ['lock.garage'] });
    await until(() => el.shadowRoot!.querySelector('.lock .tile-primary')?.textContent === 'Garage Lock', 'the card rendered');
    await until(() => !el.shadowRoot!.querySelector('.loading'), 'the history loaded');
    expect(h.calls.filter((c) => c.type === 'history/history_during_period')).to.have.length(1);
    el.remove();
  });

  it('sizes itself for masonry and sections, compact and full', () => {
    const el = document.createElement('lock-sentinel-card') as LockSentinelCard;
    el.setConfig({ type: 'custom:lock-sentinel-card' });
    expect(el.getCardSize()).to.equal(10);
    expect(el.getGridOptions()).to.deep.include({ columns: 12, min_columns: 6 });
    el.setConfig({ type: 'custom:lock-sentinel-card', mode: 'compact' });
    expect(el.getCardSize()).to.equal(2);
    expect(el.getGridOptions()).to.deep.equal({ columns: 6, rows: 2, min_columns: 3, min_rows: 2 });
    expect(el.getGridOptions().columns % 3).to.equal(0);
  });

  it('stub config picks the house locks; registration offers a preview and suggests itself for locks', async () => {
    const m = await mount();
    expect(LockSentinelCard.getStubConfig(m.h.hass)).to.deep.equal({
      type: 'custom:lock-sentinel-card', entities: ['lock.back_door', 'lock.front_door', 'lock.garage'],
    });
    const entry = window.customCards!.find((c) => c.type === 'lock-sentinel-card')!;
    expect(entry.preview).to.equal(true);
    expect(entry.name).to.equal('Lock Sentinel');
    expect(entry.getEntitySuggestion!(m.h.hass, 'lock.garage')).to.deep.equal({ config: { type: 'custom:lock-sentinel-card', entities: ['lock.garage'] } });
    expect(entry.getEntitySuggestion!(m.h.hass, 'light.kitchen')).to.equal(null);
    expect(entry.getEntitySuggestion!(m.h.hass, 'lock.nowhere')).to.equal(null);
  });

  it('visual editor: the ha-form schema comes from the config schema and round-trips through validation', async () => {
    const form = await LockSentinelCard.getConfigForm();
    expect(form.schema.map((f) => f.name)).to.deep.equal(['title', 'entities', 'mode', 'view', 'views', 'history_days', 'failed_attempts', 'low_battery', 'stale_days']);
    const shown = (form.schema[4]!.selector as { select: { multiple: boolean; options: { value: string; label: string }[] } }).select;
    expect(shown.multiple).to.equal(true);
    expect(shown.options.map((o) => o.label)).to.deep.equal(['Overview', 'Alerts', 'Codes', 'Timeline', 'Scorecard']);
    expect(form.schema[1]!.selector).to.deep.equal({ entity: { multiple: true, filter: { domain: 'lock' } } });
    const views = (form.schema[3]!.selector as { select: { options: { value: string; label: string }[] } }).select.options;
    expect(views.map((o) => o.value)).to.deep.equal(['overview', 'alerts', 'codes', 'timeline', 'scorecard']);
    expect(views[4]!.label).to.equal('Scorecard');
    expect(form.computeLabel({ name: 'history_days' })).to.equal('History (days)');
    expect(form.computeLabel({ name: 'low_battery' })).to.equal('Low battery below (%)');
    // What the form edits (defaults filled in) is a config setConfig accepts, and a wrong value is refused.
    const edited = Object.fromEntries(form.schema.filter((f) => f.default !== undefined).map((f) => [f.name, f.default]));
    expect(() => form.assertConfig({ type: 'custom:lock-sentinel-card', ...edited, entities: ['lock.garage'] })).not.to.throw();
    expect(() => form.assertConfig({ type: 'custom:lock-sentinel-card', view: 'map' })).to.throw(/"view" must be one of/);
  });
});

describe('overview', () => {
  it('shows every lock as a tile: state in HA\'s colours, battery by level, what is known only, and the score', async () => {
    const { root, el } = await mount();
    expect(text(root, '.lock .tile-primary')).to.deep.equal(['Back Door', 'Front Door', 'Garage Lock']);
    const tileOf = (name: string) => [...root.querySelectorAll<HTMLButtonElement>('.lock button.tile')].find((l) => l.textContent!.includes(name))!;
    const front = tileOf('Front Door');
    expect(front.classList.contains('state-locked')).to.equal(true);
    // HA's own state colour variable decides the icon colour.
    el.style.setProperty('--state-lock-locked-color', 'rgb(1, 2, 3)');
    expect(getComputedStyle(front.querySelector('.tile-icon')!).color).to.equal('rgb(1, 2, 3)');
    expect(tileOf('Back Door').classList.contains('state-unlocked')).to.equal(true);
    expect(front.querySelector('.tile-badges')!.textContent).to.include('25 %');
    expect(front.querySelector('.badge.low')).to.exist; // 25 % is below the card's 30 %
    expect(front.querySelector('.badge.update')!.textContent).to.include('1.4');
    expect(tileOf('Back Door').querySelector('.tile-secondary')!.textContent).to.equal('Unlocked · 2 hours ago');
    // Garage: no battery, no firmware, no access known: nothing printed for them.
    const garage = tileOf('Garage Lock');
    expect(garage.querySelector('.tile-badges')).to.equal(null);
    expect(garage.querySelector('.tile-secondary')!.textContent).to.equal('Locked');
    for (const t of text(root, '.lock')) expect(t).not.to.match(/unknown|Other/i);
    expect(root.querySelector('.gauge-grade')!.textContent).to.match(/^[A-F]$/);
    expect(root.querySelector('.gauge')!.getAttribute('aria-label')).to.match(/Security grade [A-F], score \d+ of 100/);
    expect(root.querySelectorAll('.pillars [role="meter"]').length).to.equal(3);
  });

  it('tapping a lock opens HA\'s more-info dialog; the status line says what is wrong and leads to the alerts', async () => {
    const m = await mount();
    const seen: string[] = [];
    document.body.addEventListener('hass-more-info', (e) => seen.push((e as CustomEvent<{ entityId: string }>).detail.entityId), { once: true });
    m.root.querySelector<HTMLButtonElement>('button.tile[data-entity="lock.front_door"]')!.click();
    expect(seen).to.deep.equal(['lock.front_door']);
    const status = m.root.querySelector<HTMLButtonElement>('button.status')!;
    expect(status.textContent).to.match(/\d+ open alerts?/);
    expect(status.textContent).to.include('Low battery · Front Door');
    status.click();
    await until(() => m.root.querySelector('.alerts'), 'the alerts view');
    expect(m.root.querySelector('[aria-selected="true"]')!.id).to.equal('tab-alerts');
  });

  it('a house with nothing wrong says so', async () => {
    const m = await mount({ entities: ['lock.garage'] });
    expect(m.root.querySelector('.status.ok')!.textContent).to.include('All clear');
  });

  it('only the configured locks, in config order, and unknown ones are named', async () => {
    const { root } = await mount({ entities: ['lock.garage', 'lock.front_door', 'lock.attic'] });
    expect(text(root, '.lock .tile-primary')).to.deep.equal(['Front Door', 'Garage Lock']);
    expect(root.querySelector('.notice')!.textContent).to.include('Not found: lock.attic');
  });
});

describe('rendering discipline', () => {
  it('zero renders for unrelated hass updates, one for its own entity, locale or theme', async () => {
    const m = await mount();
    for (let i = 0; i < 20; i++) {
      m.el.hass = m.h.update({ 'sensor.outside_temperature': withState(m.h.hass.states['sensor.outside_temperature']!, String(10 + i)) });
      m.el.hass = m.h.update({ 'light.kitchen': withState(m.h.hass.states['light.kitchen']!, i % 2 ? 'on' : 'off') });
      // A phone's new GPS fix while its person stays where they are.
      const anna = m.h.hass.states['person.anna']!;
      m.el.hass = m.h.update({ 'person.anna': { ...anna, attributes: { ...anna.attributes, latitude: 52 + i / 1000 } } });
    }
    await m.el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(m.renders()).to.equal(0);

    m.el.hass = m.h.update({ 'lock.garage': withState(m.h.hass.states['lock.garage']!, 'unlocked') });
    await m.el.updateComplete;
    expect(m.renders()).to.equal(1);
    expect(text(m.root, '.lock').find((t) => t.includes('Garage'))).to.include('Unlocked');

    m.el.hass = m.h.update({}, { themes: { darkMode: true, theme: 'default' } });
    await m.el.updateComplete;
    expect(m.renders()).to.equal(2);
    expect(m.root.querySelector('ha-card')!.classList.contains('dark')).to.equal(true);
  });

  it('loads history once, then follows its own entities through hass and the locks\' events live', async () => {
    const m = await mount();
    const historyCalls = () => m.h.calls.filter((c) => c.type === 'history/history_during_period');
    expect(historyCalls()).to.have.length(1);
    expect(historyCalls()[0]!.entity_ids).to.include.members(['lock.front_door', 'lock.back_door', 'lock.garage']);
    // State changes arrive with hass (the frontend's own subscription): no state_changed subscription for the whole house.
    expect(m.h.subscribed()).to.include.members(['zwave_js_notification', 'zha_event']);
    expect(m.h.subscribed()).to.not.include('state_changed');
    await openView(m, 'timeline');
    const initial = m.root.querySelectorAll('.events li').length;
    for (let i = 0; i < 5; i++) m.el.hass = m.h.update({ 'lock.back_door': withState(m.h.hass.states['lock.back_door']!, i % 2 ? 'unlocked' : 'locked', (5 - i) * 1000) });
    await m.el.updateComplete;
    expect(historyCalls()).to.have.length(1);
    expect(m.root.querySelectorAll('.events li').length).to.equal(initial + 5);
    expect(text(m.root, '.events li')[0]).to.match(/Locked · Back Door/);

    const before = m.root.querySelectorAll('.events li').length;
    m.h.fire(zwaveNotification(6, 2, 0));
    await m.el.updateComplete;
    expect(m.root.querySelectorAll('.events li').length).to.equal(before + 1);
    expect(text(m.root, '.events li')[0]).to.match(/Unlocked · Front Door/);
    expect(text(m.root, '.events li')[0]).to.include('Slot 2');
  });
});

describe('lifecycle', () => {
  it('unsubscribes when removed; back on the page it resubscribes and loads only the missing history', async () => {
    const m = await mount();
    const count = (type: string) => m.h.calls.filter((c) => c.type === type).length;
    expect(m.h.subscribed()).to.include('zwave_js_notification');
    const host = m.el.parentElement!;
    m.el.remove();
    await until(() => m.h.subscribed().length === 0, 'subscriptions closed');
    host.append(m.el);
    await until(() => m.h.subscribed().includes('zwave_js_notification'), 'subscribed again');
    await until(() => count('history/history_during_period') === 2, 'the gap loaded');
    const [first, gap] = m.h.calls.filter((c) => c.type === 'history/history_during_period');
    expect(Date.parse(String(gap!.start_time))).to.equal(Date.parse(String(first!.end_time)));
    expect(count('frontend/get_user_data')).to.equal(1);
    expect(m.h.calls.filter((c) => c.service === 'get_lock_usercode')).to.have.length(1);
  });

  it('a removed card takes no events from a subscription still delivering (re-subscribed after a reconnect)', async () => {
    // home-assistant-js-websocket re-subscribes after a reconnect what was unsubscribed while it was disconnected:
    // the callbacks the card gave it may still be called once the card is gone.
    const given: ((e: unknown) => void)[] = [];
    const m = await mount({}, {}, (h) => {
      const subscribe = h.hass.connection.subscribeEvents.bind(h.hass.connection);
      h.hass.connection.subscribeEvents = (async (cb: (e: unknown) => void, type?: string) => {
        if (type === 'zwave_js_notification') given.push(cb);
        return subscribe(cb, type);
      }) as typeof h.hass.connection.subscribeEvents;
    });
    /** The times of the Front Door's keypad unlocks with slot 7 in the timeline. */
    const slot7 = () => [...m.root.querySelectorAll('.events li')]
      .filter((li) => /Unlocked · Front Door/.test(li.textContent ?? '') && (li.textContent ?? '').includes('Slot 7'))
      .map((li) => Date.parse(li.querySelector('time')!.getAttribute('datetime')!));
    await openView(m, 'timeline');
    expect(given).to.have.length(1);
    const host = m.el.parentElement!;
    m.el.remove();
    await until(() => m.h.subscribed().length === 0, 'subscriptions closed');
    given[0]!(zwaveNotification(6, 7, 60_000));
    host.append(m.el);
    await until(() => m.h.subscribed().includes('zwave_js_notification'), 'subscribed again');
    // The fixture's times are relative to when it loaded (iso): the removed card's unlock a minute before that, the
    // running card's at it; halfway tells them apart however long the suite has run (a wall clock made this flaky).
    const live = Date.parse(iso(30_000));
    given[1]!(zwaveNotification(6, 7, 0));
    await until(() => slot7().some((t) => t >= live), 'the unlock delivered to the running card in its timeline');
    // Only that one: the unlock delivered to the removed card (a minute earlier) was not taken.
    expect(slot7().filter((t) => t < live)).to.deep.equal([]);
  });
});

describe('alerts', () => {
  it('groups alerts by lock and kind with a count and the newest time; evidence and fix one tap away; acknowledged per group', async () => {
    const m = await mount();
    // Two lockouts hours apart: two bursts on one lock.
    m.h.fire(zwaveNotification(19, null, 3 * 3_600_000));
    m.h.fire(zwaveNotification(19, null, 30_000));
    await m.el.updateComplete;
    await openView(m, 'alerts');
    const groups = () => [...m.root.querySelectorAll<HTMLElement>('.alert')];
    const failed = () => groups().find((a) => a.textContent!.includes('Failed attempts'))!;
    expect(failed(), 'failed-attempts group').to.exist;
    // Two lockouts on one lock: one line with a count, the newest time, severity as colour and icon.
    expect(groups().filter((a) => a.textContent!.includes('Failed attempts'))).to.have.length(1);
    expect(failed().querySelector('.count')!.textContent).to.equal('×2');
    expect(failed().querySelector('.alert-meta')!.textContent).to.match(/^Critical · Front Door · 3\d seconds ago$/);
    expect(failed().classList.contains('sev-critical')).to.equal(true);
    m.el.style.setProperty('--error-color', 'rgb(9, 8, 7)');
    expect(getComputedStyle(failed()).borderLeftColor).to.equal('rgb(9, 8, 7)');
    // Evidence and fix are in a disclosure: closed at first, one tap opens it.
    const details = failed().querySelector('details')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    expect(details.textContent).to.include('Evidence:');
    expect(details.textContent).to.include('Fix:');
    expect(text(m.root, '.alert strong')).to.include('Low battery');
    // Critical groups come first.
    expect(groups()[0]!.classList.contains('sev-critical')).to.equal(true);
    const open = Number(m.root.querySelector('#tab-alerts .count')!.textContent);
    failed().querySelector<HTMLButtonElement>('button.ack')!.click();
    await until(() => failed().classList.contains('acked'), 'ack shown');
    const stored = m.h.userData.get('lock_sentinel') as { acknowledged: string[] };
    // Both bursts are one aggregated finding (count 2): one key acknowledges it, the badge drops by both.
    expect(stored.acknowledged).to.have.length(1);
    expect(stored.acknowledged.every((k) => k.startsWith('failed-attempts|lock.front_door|'))).to.equal(true);
    expect(failed().textContent).to.include('Acknowledged');
    const badge = m.root.querySelector('#tab-alerts .count');
    expect(badge ? Number(badge.textContent) : 0).to.equal(open - 2);
    // Acknowledged groups go below the open ones.
    expect(groups().at(-1)!.textContent).to.include('Failed attempts');
  });
});

describe('install alerts', () => {
  it('admins pick phones to notify; a REST failure is one clear line, nothing half-done is claimed', async () => {
    const m = await mount({}, { rest: true });
    await openView(m, 'alerts');
    const section = m.root.querySelector('.install')!;
    expect(section.querySelector('p')!.textContent).to.include('No Lock Sentinel alerts are installed');
    const boxes = [...section.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.value)).to.deep.equal(['notify.mobile_app_annas_phone']);
    boxes[0]!.click();
    await m.el.updateComplete;
    section.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => m.root.querySelector('[role="alert"]'), 'the error');
    expect(m.root.querySelector('[role="alert"]')!.textContent).to.equal('GET /api/services failed (503): no REST API in this test');
    expect(m.h.calls.filter((c) => c.type === 'rest').map((c) => `${c.method} ${c.path}`)).to.deep.equal(['GET services']);
    expect(m.root.querySelector('.install [role="status"]')).to.equal(null);
  });

  it('is not offered without the REST API or to non-admins', async () => {
    const m = await mount({}, { rest: true, admin: false });
    await openView(m, 'alerts');
    expect(m.root.querySelector('.install')).to.equal(null);
    const plain = await mount();
    await openView(plain, 'alerts');
    expect(plain.root.querySelector('.install')).to.equal(null);
  });
});

describe('codes', () => {
  it('lists slots with holder, role, verdict and never a PIN; admins record and delete', async () => {
    const shared = { code_registry: [{ lock: 'lock.front_door', slot: 2, name: 'Anna', role: 'family', added: iso(86_400_000 * 40), expires: null }] };
    const m = await mount({}, { shared });
    await openView(m, 'codes');
    const front = [...m.root.querySelectorAll('.lock-codes')].find((s) => s.querySelector('h3')!.textContent === 'Front Door')!;
    const heads = (root: ParentNode) => text(root, '.slot .slot-head').map((t) => t.replace(/ (Weak|Strong)$/, ''));
    expect(heads(front)).to.deep.equal(['Slot 1 not recorded', 'Slot 2 Anna', 'Slot 3 not recorded']);
    expect(text(front, '.slot-facts')).to.deep.equal(['Family · Added ' + new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(Date.parse(iso(86_400_000 * 40))) + ' · Expires never']);
    const verdicts = text(front, '.slot .verdict');
    expect(verdicts).to.deep.equal(['Weak', 'Strong', 'Weak']);
    const back = [...m.root.querySelectorAll('.lock-codes')].find((s) => s.querySelector('h3')!.textContent === 'Back Door')!;
    expect(back.textContent).to.include('Code status unavailable');

    // Record a holder for slot 1.
    front.querySelector<HTMLButtonElement>('button[aria-label="Edit: Slot 1"]')!.click();
    await m.el.updateComplete;
    const form = m.root.querySelector<HTMLFormElement>('form.edit')!;
    form.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Cleaner <b>Tue</b>';
    form.querySelector<HTMLSelectElement>('select[name="role"]')!.value = 'service';
    form.querySelector<HTMLInputElement>('input[name="expires"]')!.value = '2030-01-31';
    form.requestSubmit();
    await until(() => !m.root.querySelector('form.edit'), 'form closed after save');
    const entry = (m.h.userData.get('lock_sentinel') as { code_registry: { slot: number; name: string; role: string; expires: string }[] })
      .code_registry.find((e) => e.slot === 1)!;
    expect(entry).to.deep.include({ name: 'Cleaner <b>Tue</b>', role: 'service' });
    expect(entry.expires.slice(0, 4)).to.equal('2030');
    expect(m.root.querySelector('b')).to.equal(null); // names are data, never markup
    expect(heads(m.root)).to.include('Slot 1 Cleaner <b>Tue</b>');

    // Delete slot 3: confirmation first, then the protocol's service.
    front.querySelector<HTMLButtonElement>('button[aria-label="Delete code: Slot 3"]')!.click();
    await m.el.updateComplete;
    const dialog = m.root.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include('slot 3 on Front Door');
    expect(m.h.calls.some((c) => c.service === 'clear_lock_usercode')).to.equal(false);
    [...dialog.querySelectorAll('button')].find((b) => b.textContent!.includes('Delete'))!.click();
    await until(() => m.h.calls.some((c) => c.service === 'clear_lock_usercode'), 'clear call');
    const call = m.h.calls.find((c) => c.service === 'clear_lock_usercode')!;
    expect(call).to.deep.include({ type: 'call_service', domain: 'zwave_js', service_data: { code_slot: 3 }, target: { entity_id: 'lock.front_door' } });
    await until(() => !heads(m.root).includes('Slot 3 not recorded'), 'slot 3 gone after clearing');
    expect(heads(m.root)).to.include('Slot 2 Anna');
  });

  it('a Zigbee2MQTT code is cleared by publishing to the device topic with the 0-based user', async () => {
    const shared = { code_registry: [{ lock: 'lock.garage', slot: 4, name: 'Dog walker', role: 'guest', added: null, expires: null }] };
    const m = await mount({ entities: ['lock.garage'] }, { shared });
    await openView(m, 'codes');
    m.root.querySelector<HTMLButtonElement>('button[aria-label="Delete code: Slot 4"]')!.click();
    await m.el.updateComplete;
    [...m.root.querySelector('dialog')!.querySelectorAll('button')].find((b) => b.textContent!.includes('Delete'))!.click();
    await until(() => m.h.calls.some((c) => c.domain === 'mqtt'), 'mqtt publish');
    const call = m.h.calls.find((c) => c.domain === 'mqtt')!;
    expect(call.service).to.equal('publish');
    expect((call.service_data as { topic: string }).topic).to.equal('zigbee2mqtt/garage_lock/set');
    expect(JSON.parse((call.service_data as { payload: string }).payload)).to.deep.equal({ pin_code: { user: 3, pin_code: null } });
  });

  it('no PIN of the fixture appears anywhere in the DOM, in any view', async () => {
    const m = await mount({}, { shared: { code_registry: [{ lock: 'lock.front_door', slot: 1, name: 'Anna', role: 'family', added: null, expires: null }] } });
    m.h.fire(zwaveNotification(6, 1, 1000));
    for (const view of ['overview', 'alerts', 'codes', 'timeline', 'scorecard']) {
      await openView(m, view);
      const dom = allDomText(m.root);
      expect(dom.length).to.be.greaterThan(100);
      for (const pin of PINS) expect(dom, `${view} shows ${pin}`).not.to.include(pin);
    }
    const checks = m.root.querySelectorAll('.check');
    expect(checks.length).to.be.greaterThan(3);
  });
});

describe('timeline', () => {
  it('filters by lock and person, marks failures and unusual hours, marks reviewed, downloads the shown period as CSV', async () => {
    const shared = { code_registry: [{ lock: 'lock.front_door', slot: 2, name: 'Anna', role: 'family', added: null, expires: null }] };
    const m = await mount({}, { shared });
    m.h.fire(zwaveNotification(6, 2, 5 * 60_000));
    m.h.fire(zwaveNotification(21, null, 4 * 60_000));
    await openView(m, 'timeline');
    const all = text(m.root, '.events li');
    expect(all.length).to.be.greaterThanOrEqual(4);
    expect(m.root.querySelectorAll('.events li.failed').length).to.be.greaterThanOrEqual(1);
    expect(text(m.root, '.events li.failed')[0]).to.include('Failed');

    // Filters are chips (toggle buttons in labelled groups), not selects.
    expect(m.root.querySelector('.filters select')).to.equal(null);
    const group = (label: string) => m.root.querySelector<HTMLElement>(`.filters [role="group"][aria-label="${label}"]`)!;
    const chipOf = (label: string, name: string) => [...group(label).querySelectorAll<HTMLButtonElement>('button.chip')].find((b) => b.textContent!.trim() === name)!;
    const tap = async (label: string, name: string) => { chipOf(label, name).click(); await m.el.updateComplete; };
    expect(chipOf('Period', 'Last 7 days').getAttribute('aria-pressed')).to.equal('true');
    await tap('Lock', 'Back Door');
    expect(chipOf('Lock', 'Back Door').getAttribute('aria-pressed')).to.equal('true');
    expect(chipOf('Lock', 'All').getAttribute('aria-pressed')).to.equal('false');
    expect(text(m.root, '.events li').every((t) => t.includes('Back Door'))).to.equal(true);
    await tap('Lock', 'All');
    await tap('Person', 'Anna');
    const annas = text(m.root, '.events li');
    expect(annas).to.have.length(1);
    expect(annas[0]).to.include('Anna');
    // The holder's name and the method, with the method's icon; a day header above.
    expect(text(m.root, '.events li .who')[0]).to.equal('Anna · keypad · Slot 2');
    expect(text(m.root, '.day-head')).to.deep.equal(['Today']);

    // CSV of what is shown (the CLI's audit trail rows).
    let blob: Blob | null = null;
    const orig = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => { blob = b as Blob; return orig.call(URL, b); };
    try {
      [...m.root.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent!.includes('CSV'))!.click();
      await until(() => blob !== null, 'the CSV download (its writer loads on first use)');
    } finally {
      URL.createObjectURL = orig;
    }
    const csv = await blob!.text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).to.equal('local_time,lock,lock_name,event,method,slot,holder,result,findings');
    expect(lines).to.have.length(2);
    expect(lines[1]).to.include('lock.front_door,Front Door,unlock,keypad,2,Anna,success');

    await tap('Period', 'Last 24 hours');
    await tap('Person', 'All');
    expect(text(m.root, '.events li').some((t) => t.includes('Back Door'))).to.equal(true); // 2 h ago
    expect(m.root.querySelector('.reviewed')!.textContent).to.include('Never reviewed');
    await openView(m, 'scorecard');
    const review = () => m.root.querySelector('.check[data-check="weekly-log-review"] .verdict')!.textContent;
    expect(review()).to.equal('Fail');
    await openView(m, 'timeline');
    [...m.root.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent!.includes('reviewed'))!.click();
    await until(() => m.root.querySelector('.reviewed')!.textContent!.includes('Last reviewed'), 'review shown');
    expect((m.h.userData.get('lock_sentinel') as { reviews: { user: string }[] }).reviews[0]!.user).to.equal('Anna');
    expect(m.root.querySelector('.reviewed')!.textContent).to.include('Last reviewed');
    await openView(m, 'scorecard');
    expect(review()).to.equal('Pass'); // the mark feeds the weekly-review check
  });

  it('marks a keypad unlock at 03:00 house time as an unusual hour', async () => {
    const m = await mount();
    const berlin = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hour: 'numeric', hourCycle: 'h23' });
    // An hour back from the fixture's now (its events' times are relative to when it loaded: iso), until it is 03:xx.
    const now = Date.parse(iso(0));
    let t = now - 3_600_000;
    while (Number(berlin.format(t)) !== 3) t -= 3_600_000;
    // The fixture's own events sit at times relative to now, some of which are unusual hours when the suite runs
    // at night: count the marks before and after.
    await openView(m, 'timeline');
    const marked = () => m.root.querySelectorAll('.events li.unusual').length;
    const before = marked();
    m.h.fire(zwaveNotification(6, 2, now - t));
    await until(() => marked() === before + 1, 'the 03:00 unlock marked');
    expect(text(m.root, '.events li.unusual').every((row) => row.includes('Unusual hour'))).to.equal(true);
  });
});

describe('scorecard', () => {
  it('is collapsed by pillar with every verdict at a glance; evidence one tap away; the checklist answered with toggles', async () => {
    const m = await mount();
    await openView(m, 'scorecard');
    const pillars = [...m.root.querySelectorAll<HTMLDetailsElement>('details.pillar')];
    expect(pillars.map((p) => p.dataset.pillar)).to.deep.equal(['codes', 'audits', 'hardening']);
    expect(pillars.every((p) => !p.open)).to.equal(true);
    for (const p of pillars) {
      // One dot per check in the closed summary, and the tally in words for screen readers.
      expect(p.querySelectorAll('summary .dot').length).to.equal(p.querySelectorAll('.check').length);
      expect(p.querySelector('summary .visually-hidden')!.textContent).to.match(/^\d+ (Fail|Warning|Pass|Unknown)/);
    }
    expect(text(m.root, 'details.pillar > summary .bar-label')).to.deep.equal(['Codes · 70 %', 'Audits · 20 %', 'Hardening · 10 %']);
    pillars[0]!.querySelector('summary')!.click();
    expect(pillars[0]!.open).to.equal(true);
    const check = pillars[0]!.querySelector<HTMLElement>('.check')!;
    const details = check.querySelector('details')!;
    details.querySelector('summary')!.click();
    expect(details.querySelector('p')!.textContent).to.include('Evidence:');

    const selfReported = m.root.querySelector('.check .answer')!.closest<HTMLElement>('.check')!;
    const id = selfReported.dataset.check!;
    const verdict = () => m.root.querySelector(`.check[data-check="${id}"] .verdict`)!.textContent;
    const toggle = (name: string) => [...m.root.querySelectorAll<HTMLButtonElement>(`.check[data-check="${id}"] .answer button`)].find((b) => b.textContent!.trim() === name)!;
    expect(verdict()).to.equal('Unknown');
    expect(toggle('Done').getAttribute('aria-pressed')).to.equal('false');
    toggle('Done').click();
    await until(() => verdict() === 'Pass', 'answer applied');
    const checklist = () => (m.h.userData.get('lock_sentinel') as { checklist: Record<string, boolean> }).checklist;
    expect(checklist()).to.deep.equal({ [id]: true });
    expect(toggle('Done').getAttribute('aria-pressed')).to.equal('true');
    toggle('Not done').click();
    await until(() => verdict() === 'Fail', 'answer changed');
    expect(checklist()).to.deep.equal({ [id]: false });
    // Tapping the pressed toggle again takes the answer back.
    toggle('Not done').click();
    await until(() => verdict() === 'Unknown', 'answer cleared');
    expect(checklist()).to.deep.equal({});
  });
});

describe('non-admin', () => {
  it('is read-only without errors; admin-only data is unavailable, not broken', async () => {
    const m = await mount({}, { admin: false, shared: { acknowledged: [] } });
    expect(m.h.calls.some((c) => c.type === 'config/auth/list')).to.equal(false);
    expect(m.h.calls.some((c) => c.type === 'call_service')).to.equal(false);
    expect(m.root.querySelector('.error')).to.equal(null);
    expect(text(m.root, '.notice').join(' ')).to.include('need an administrator');
    await openView(m, 'codes');
    expect(m.root.querySelector('button.danger')).to.equal(null);
    expect(m.root.querySelector('form')).to.equal(null);
    expect(m.root.textContent).to.include('Read-only');
    await openView(m, 'alerts');
    const buttons = [...m.root.querySelectorAll<HTMLButtonElement>('.alert button')];
    expect(buttons.length).to.be.greaterThan(0);
    expect(buttons.every((b) => b.disabled)).to.equal(true);
    await openView(m, 'scorecard');
    const toggles = [...m.root.querySelectorAll<HTMLButtonElement>('.answer button')];
    expect(toggles.length).to.be.greaterThan(0);
    expect(toggles.every((b) => b.disabled)).to.equal(true);
  });
});

describe('language, keyboard, compact', () => {
  it('speaks the user language and follows a language change', async () => {
    const m = await mount({}, { language: 'de' });
    await until(() => m.root.querySelector('#tab-overview')!.textContent!.includes('Übersicht'), 'German');
    expect(text(m.root, '[role="tab"]').map((t) => t.replace(/\d+$/, ''))).to.deep.equal(['Übersicht', 'Warnungen', 'Codes', 'Verlauf', 'Bewertung']);
    m.el.hass = m.h.update({}, { locale: { language: 'nl', time_zone: 'server' }, language: 'nl' });
    await until(() => m.root.querySelector('#tab-overview')!.textContent!.includes('Overzicht'), 'Dutch');
    m.el.hass = m.h.update({}, { locale: { language: 'fr', time_zone: 'server' }, language: 'fr' });
    await until(() => m.root.querySelector('#tab-timeline')!.textContent!.includes('Journal'), 'French');
    m.el.hass = m.h.update({}, { locale: { language: 'es', time_zone: 'server' }, language: 'es' });
    await until(() => m.root.querySelector('#tab-scorecard')!.textContent!.includes('Evaluación'), 'Spanish');
    m.el.hass = m.h.update({}, { locale: { language: 'ja', time_zone: 'server' }, language: 'ja' });
    await until(() => m.root.querySelector('#tab-scorecard')!.textContent!.includes('Scorecard'), 'English fallback');
  });

  it('tabs work with the keyboard and expose their state to screen readers', async () => {
    const m = await mount();
    const tab = m.root.querySelector<HTMLButtonElement>('#tab-overview')!;
    tab.focus();
    await sendKeys({ press: 'ArrowRight' });
    await m.el.updateComplete;
    expect(m.root.querySelector('[aria-selected="true"]')!.id).to.equal('tab-alerts');
    expect(m.root.activeElement!.id).to.equal('tab-alerts');
    await sendKeys({ press: 'End' });
    await m.el.updateComplete;
    expect(m.root.activeElement!.id).to.equal('tab-scorecard');
    expect(m.root.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal('tab-scorecard');
    await sendKeys({ press: 'ArrowRight' });
    await m.el.updateComplete;
    expect(m.root.activeElement!.id).to.equal('tab-overview');
    expect([...m.root.querySelectorAll('[role="tab"]')].filter((t) => t.getAttribute('tabindex') === '0')).to.have.length(1);
  });

  it('compact mode is a small tile with the score ring and what is wrong', async () => {
    const m = await mount({ mode: 'compact', title: 'Doors' });
    const tile = m.root.querySelector('ha-card.compact')!;
    expect(tile.querySelector('.gauge-grade')!.textContent).to.match(/^[A-F]$/);
    expect(tile.textContent).to.include('Doors');
    expect(tile.querySelector('.status')!.textContent).to.match(/\d+ open alerts?/);
    expect(m.root.querySelector('[role="tablist"]')).to.equal(null);
  });

  it('a card with one view shows it without tabs; with some views, only those tabs', async () => {
    const one = await mount({ views: ['scorecard'] });
    expect(one.root.querySelector('[role="tablist"]')).to.equal(null);
    await until(() => one.root.querySelector('details.pillar'), 'the scorecard');
    const some = await mount({ views: ['alerts', 'timeline'] });
    expect(text(some.root, '[role="tab"]').map((t) => t.replace(/\d+$/, ''))).to.deep.equal(['Alerts', 'Timeline']);
    await until(() => some.root.querySelector('.alerts'), 'the alerts first');
  });
});
