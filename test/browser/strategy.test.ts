// The lock-sentinel dashboard strategy as HA calls it: listed in Add dashboard, generate(config, hass) builds an
// overview, one view per discovered lock and the scorecard; a new lock gives a new view, nothing else changes it.
import { expect } from '@open-wc/testing';
import '../../cards/lock-sentinel-card/card.js';
import type { LockSentinelCard } from '../../cards/lock-sentinel-card/card.js';
import type { DashboardConfig } from '../../cards/lock-sentinel-card/strategy.js';
import type { HomeAssistant } from '../../cards/lock-sentinel-card/data/hass.js';
import { harness, withState } from './fixtures.js';

type StrategyClass = { generate(config: unknown, hass: HomeAssistant): Promise<DashboardConfig> };
const strategy = () => customElements.get('ll-strategy-dashboard-lock-sentinel') as unknown as StrategyClass;
const generate = (hass: HomeAssistant) => strategy().generate({ type: 'custom:lock-sentinel' }, hass);
type Card = { type: string; [k: string]: unknown };
const cardsOf = (c: DashboardConfig, path: string): Card[] =>
  c.views.find((v) => v.path === path)!.sections.flatMap((s) => s.cards) as Card[];

describe('dashboard strategy', () => {
  it('is listed for Add dashboard (HA 2026.5+) and defined as the element HA looks up', () => {
    const entry = window.customStrategies!.filter((s) => s.type === 'lock-sentinel');
    expect(entry).to.have.length(1);
    expect(entry[0]).to.deep.include({ strategyType: 'dashboard', name: 'Lock security' });
    expect(entry[0]!.description).to.match(/security dashboard/);
    expect(typeof strategy().generate).to.equal('function');
  });

  it('generates an overview, one view per lock (state, battery, firmware, its alerts, codes, timeline) and the scorecard', async () => {
    const h = harness();
    const c = await generate(h.hass);
    expect(c.title).to.equal('Lock security');
    expect(c.views.map((v) => v.path)).to.deep.equal(['overview', 'lock-back-door', 'lock-front-door', 'lock-garage', 'scorecard']);
    expect(c.views.map((v) => v.title)).to.deep.equal(['Overview', 'Back Door', 'Front Door', 'Garage Lock', 'Scorecard']);
    expect(c.views.every((v) => v.type === 'sections')).to.equal(true);
    expect(cardsOf(c, 'overview')).to.deep.equal([{ type: 'custom:lock-sentinel-card', views: ['overview', 'alerts'], grid_options: { columns: 'full' } }]);
    expect(cardsOf(c, 'scorecard').map((x) => x.views)).to.deep.equal([['scorecard']]);
    const front = cardsOf(c, 'lock-front-door');
    expect(front.filter((x) => x.type === 'tile').map((x) => x.entity)).to.deep.equal(['lock.front_door', 'sensor.front_door_battery', 'update.front_door_firmware']);
    expect(front.find((x) => x.type === 'custom:lock-sentinel-card')).to.deep.include({ entities: ['lock.front_door'], views: ['alerts', 'codes', 'timeline'], title: 'Front Door' });
    // A lock HA knows no battery or firmware of gets only its own tile.
    expect(cardsOf(c, 'lock-garage').filter((x) => x.type === 'tile').map((x) => x.entity)).to.deep.equal(['lock.garage']);
    // Every card config it writes is one the card accepts.
    const el = document.createElement('lock-sentinel-card') as LockSentinelCard;
    for (const card of c.views.flatMap((v) => v.sections.flatMap((s) => s.cards)).filter((x) => x.type === 'custom:lock-sentinel-card')) {
      expect(() => el.setConfig(card)).not.to.throw();
    }
  });

  it('stays equal while the locks are the same and grows a view when a lock is added (HA regenerates on registry changes)', async () => {
    const h = harness();
    const first = await generate(h.hass);
    // Unrelated changes and a lock changing state: HA compares the configs and keeps the dashboard.
    h.update({ 'light.kitchen': withState(h.hass.states['light.kitchen']!, 'on'), 'lock.garage': withState(h.hass.states['lock.garage']!, 'unlocked') });
    expect(await generate(h.hass)).to.deep.equal(first);
    const cellar = { ...h.hass.states['lock.garage']!, entity_id: 'lock.cellar', attributes: { friendly_name: 'Cellar' } };
    const hass = h.update({ 'lock.cellar': cellar }, { entities: { ...h.hass.entities, 'lock.cellar': { entity_id: 'lock.cellar', platform: 'zha', device_id: null } } });
    const next = await generate(hass);
    expect(next.views.map((v) => v.path)).to.deep.equal(['overview', 'lock-back-door', 'lock-cellar', 'lock-front-door', 'lock-garage', 'scorecard']);
  });

  it('speaks the user\'s language', async () => {
    const h = harness({ language: 'de' });
    const c = await generate(h.hass);
    expect(c.title).to.equal('Schloss-Sicherheit');
    expect(c.views[0]!.title).to.equal('Übersicht');
    expect(c.views.at(-1)!.title).to.equal('Bewertung');
  });

  it('a house without locks still gets an overview that says so, and the scorecard', async () => {
    const h = harness();
    const states = Object.fromEntries(Object.entries(h.hass.states).filter(([id]) => !id.startsWith('lock.')));
    const c = await generate({ ...h.hass, states });
    expect(c.views.map((v) => v.path)).to.deep.equal(['overview', 'scorecard']);
  });
});
