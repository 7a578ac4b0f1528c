// The card and the CLI give the same verdicts on the same house: the card renders the engine's check objects
// verbatim. The house is handed to the card as HA's frontend would (states, registries, history, codes).
import { expect } from '@open-wc/testing';
import '../../cards/lock-sentinel-card/card.js';
import type { LockSentinelCard } from '../../cards/lock-sentinel-card/card.js';
import type { HomeAssistant } from '../../cards/lock-sentinel-card/data/hass.js';
import { audit } from '../../src/engine.js';
import type { Check } from '../../src/model/finding.js';
import type { HassEvent, HassState, Snapshot } from '../../src/model/ha.js';
import { matterHouse, mixedHouse, unreadableHouse } from '../unit/helpers/coverage-houses.js';
import { usersOfSlots } from '../unit/helpers/matter.js';
import { until } from './helpers.js';

const CAPTURED = Date.parse('2026-11-20T12:00:00Z');

/** hass for a snapshot, with the page's clock at the snapshot's capture time; `subscribedAt`: when the card subscribed. */
function hassOf(snap: Snapshot): { hass: HomeAssistant; subscribedAt: () => number | null } {
  const start = performance.now();
  Date.now = () => CAPTURED + Math.floor(performance.now() - start);
  let subscribedAt: number | null = null;
  const history: Record<string, { s: string; a: Record<string, unknown>; lu: number }[]> = {};
  for (const e of (snap.events ?? []) as HassEvent[]) {
    const { entity_id, old_state, new_state } = e.data as { entity_id: string; old_state: HassState; new_state: HassState };
    const rows = (history[entity_id] ??= [{ s: old_state.state, a: old_state.attributes, lu: Date.parse(e.time_fired) / 1000 - 3600 }]);
    rows.push({ s: new_state.state, a: new_state.attributes, lu: Date.parse(e.time_fired) / 1000 });
  }
  const shared = { code_registry: snap.code_registry ?? [], checklist: snap.checklist ?? {}, reviews: snap.reviews ?? [], acknowledged: [] };
  const reg = snap.entity_registry ?? [];
  const callWS = async (msg: { type: string; [k: string]: unknown }): Promise<unknown> => {
    const target = (msg.target as { entity_id?: string } | undefined)?.entity_id ?? '';
    switch (msg.type) {
      case 'frontend/get_system_data': return { value: shared };
      case 'history/history_during_period':
        return Object.fromEntries(Object.entries(history).filter(([id]) => (msg.entity_ids as string[]).includes(id)));
      case 'config/auth/list': return snap.users ?? Promise.reject({ code: 'unauthorized', message: 'Unauthorized' });
      case 'call_service':
        if (msg.service === 'get_lock_usercode' && snap.usercodes?.[target] && msg.domain === 'zwave_js') return { response: { [target]: snap.usercodes[target] } };
        // Matter (HA 2026.3+): the lock's users and their credentials, never a PIN.
        if (msg.domain === 'matter' && msg.service === 'get_lock_users' && snap.usercodes?.[target]) return { response: { [target]: usersOfSlots(snap.usercodes[target]) } };
        return Promise.reject({ code: 'service_not_found', message: 'no' });
      default: return Promise.reject({ code: 'unknown_command', message: `Unknown command ${msg.type}` });
    }
  };
  const hass: HomeAssistant = {
    states: Object.fromEntries(snap.states.map((s) => [s.entity_id, s])),
    entities: Object.fromEntries(reg.map((e) => [e.entity_id, { entity_id: e.entity_id, platform: e.platform, device_id: e.device_id }])),
    devices: {},
    user: snap.current_user,
    locale: { language: 'en', time_zone: 'server' },
    language: 'en',
    themes: { darkMode: false },
    config: { ...snap.config },
    connection: {
      async subscribeEvents() {
        subscribedAt ??= Date.now();
        return () => undefined;
      },
    },
    callWS: callWS as HomeAssistant['callWS'],
  };
  return { hass, subscribedAt: () => subscribedAt };
}

async function mountOn(snap: Snapshot, view: string): Promise<{ el: LockSentinelCard; root: ShadowRoot; subscribedAt: () => number | null }> {
  const { hass, subscribedAt } = hassOf(snap);
  const el = document.createElement('lock-sentinel-card') as LockSentinelCard;
  el.setConfig({ type: 'custom:lock-sentinel-card', view });
  el.hass = hass;
  document.body.append(el);
  return { el, root: el.shadowRoot!, subscribedAt };
}

async function renderedChecks(snap: Snapshot): Promise<{ checks: { id: string; status: string; evidence: string; fix: string }[]; since: number | null }> {
  const { hass, subscribedAt } = hassOf(snap);
  const el = document.createElement('lock-sentinel-card') as LockSentinelCard;
  el.setConfig({ type: 'custom:lock-sentinel-card', view: 'scorecard' });
  el.hass = hass;
  document.body.append(el);
  const root = el.shadowRoot!;
  await until(() => root.querySelector('[role="tablist"]') && !root.querySelector('.loading') && root.querySelector('.check'), 'scorecard');
  await el.updateComplete;
  const checks = [...root.querySelectorAll<HTMLElement>('li.check')].map((li) => ({
    id: li.dataset.check!,
    status: [...li.classList].find((c) => c.startsWith('status-'))!.slice(7),
    evidence: li.querySelector('p')?.textContent?.replace(/^Evidence:\s*/, '').replace(/\s+/g, ' ').trim() ?? '',
    fix: (li.querySelectorAll('p')[1]?.textContent ?? '').replace(/^Fix:\s*/, '').replace(/\s+/g, ' ').trim(),
  }));
  el.remove();
  return { checks, since: subscribedAt() };
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
/** What the card shows of each engine check (it shows no fix for a pass), in the card's order-independent form. */
const expected = (cs: Check[]) => byId(cs.map((c) => ({ id: c.id, status: c.status, evidence: c.evidence, fix: c.status === 'pass' ? '' : c.fix })));

describe('the card and the CLI agree', () => {
  it('the reported house (no code readable): the same verdicts and evidence as the engine, no code check passes', async () => {
    const snap = unreadableHouse();
    const { checks } = await renderedChecks(snap);
    expect(byId(checks)).to.deep.equal(expected(audit(snap).checks));
    expect(checks.filter((c) => c.id.includes('code') && c.status === 'pass')).to.deep.equal([]);
    expect(checks.find((c) => c.id === 'strong-codes')!.evidence).to.include("0 of 3 locks' codes read");
  });

  it('a mixed house: the card names the locks whose codes are unknown, exactly as the engine does', async () => {
    const snap = mixedHouse();
    const { checks, since } = await renderedChecks(snap);
    // The card also listens to the locks' protocol events live, from its subscription on.
    expect(since).to.be.a('number');
    expect(byId(checks)).to.deep.equal(expected(audit(snap, { protocolEventsSince: since! }).checks));
    const strong = checks.find((c) => c.id === 'strong-codes')!;
    expect(strong.status).to.equal('warn');
    expect(strong.evidence).to.include('Back Door: ZHA: codes cannot be read back; Gate: generic lock: no code service');
  });
});

describe('a Matter lock with 2 occupied PIN slots', () => {
  it('the card reads them through matter.get_lock_users: strength unknown, no full pass, the same verdicts as the engine, the user name masked', async () => {
    const snap = matterHouse();
    const { checks, since } = await renderedChecks(snap);
    expect(byId(checks)).to.deep.equal(expected(audit(snap, { protocolEventsSince: since! }).checks));
    const strong = checks.find((c) => c.id === 'strong-codes')!;
    expect(strong.status).to.equal('warn');
    expect(strong.evidence).to.include('Side Door: Matter: 2 occupied PIN slots (3, 5), PINs unreadable');
    const documented = checks.find((c) => c.id === 'codes-documented')!;
    expect(documented.evidence).to.include('Side Door slot 3 (user "Cleaner ••••" on the lock)');
    expect(JSON.stringify(checks)).not.to.include('573194');
  });
});

describe('slot provenance in the codes view', () => {
  it('shows the engine\'s verdict per slot: set strong through the gate, or strength unknown, where codes cannot be read', async () => {
    const snap = mixedHouse();
    snap.code_registry!.push(
      { lock: 'lock.back', slot: 1, name: 'Ana', role: 'family', added: '2026-11-02T10:00:00Z', expires: null, set_strong: '2026-11-02T10:00:00Z' },
      { lock: 'lock.back', slot: 2, name: 'Ben', role: 'family', added: '2026-11-02T10:00:00Z', expires: null },
    );
    const { el, root } = await mountOn(snap, 'codes');
    // The registry's slots show once the shared data is read; their verdicts once the audit has read it too (after
    // the admin data, whose reader and rules load on demand): wait for the audit, not the first slot.
    await until(() => root.querySelector('.lock-codes[data-entity="lock.back"] .slot')?.textContent?.includes('Set strong by Lock Sentinel'), 'codes view with the audit\'s verdicts');
    await el.updateComplete;
    const back = [...root.querySelectorAll('.lock-codes[data-entity="lock.back"] .slot')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' '));
    expect(back[0]).to.include('Set strong by Lock Sentinel');
    expect(back[1]).to.include('Strength unknown');
    const front = (root.querySelector('.lock-codes[data-entity="lock.front"]')!.textContent ?? '').replace(/\s+/g, ' ');
    expect(front).to.include('Strong');
    expect(front).not.to.include('Strength unknown');
    for (const pin of ['573194', '842637']) expect(root.innerHTML).not.to.include(pin);
    el.remove();
  });
});
