// Screenshots for the README and the issue (light, dark, phone width), with the theming they prove. Each one is
// also compared with its committed baseline (test/browser/baselines/): a layout change fails until it is accepted
// with UPDATE_BASELINES=1.
import './fixed-clock.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { zwaveNotification } from './fixtures.js';
import { mount, openView, unmountAll } from './helpers.js';
import { applyTheme } from './themes.js';
import { matchBaseline } from './baseline.js';

afterEach(() => unmountAll());

async function shot(name: string): Promise<string> {
  const file = await executeServerCommand<string, { name: string; selector: string }>('screenshot', { name, selector: 'lock-sentinel-card' });
  await matchBaseline(name);
  return file;
}

const shared = {
  code_registry: [
    { lock: 'lock.front_door', slot: 1, name: 'Anna', role: 'family', added: '2026-03-01T10:00:00Z', expires: null },
    { lock: 'lock.front_door', slot: 2, name: 'Cleaner', role: 'service', added: '2026-06-01T10:00:00Z', expires: '2026-12-31T23:59:59Z' },
  ],
};

/** The light card at 800 px with a lockout and a keypad unlock: the overview both the screenshot and the baseline test use. */
async function lightOverview() {
  applyTheme('light');
  await setViewport({ width: 800, height: 1000 });
  const m = await mount({}, { shared });
  m.h.fire(zwaveNotification(19, null, 30 * 60_000));
  m.h.fire(zwaveNotification(6, 2, 10 * 60_000));
  await m.el.updateComplete;
  return m;
}

describe('screenshots', () => {
  it('light theme: overview and alerts; the card takes the theme colours', async () => {
    const m = await lightOverview();
    const card = m.root.querySelector('ha-card')!;
    expect(getComputedStyle(card).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(card).color).to.equal('rgb(33, 33, 33)');
    expect(await shot('card-light-overview')).to.equal('test/screenshots/card-light-overview.png');
    await openView(m, 'alerts');
    expect(await shot('card-light-alerts')).to.equal('test/screenshots/card-light-alerts.png');
  });

  it('dark theme: scorecard and codes', async () => {
    applyTheme('dark');
    await setViewport({ width: 800, height: 1400 });
    const m = await mount({}, { shared, darkMode: true });
    const card = m.root.querySelector('ha-card')!;
    expect(getComputedStyle(card).backgroundColor).to.equal('rgb(28, 28, 28)');
    expect(getComputedStyle(card).color).to.equal('rgb(225, 225, 225)');
    await openView(m, 'codes');
    expect(await shot('card-dark-codes')).to.equal('test/screenshots/card-dark-codes.png');
    await openView(m, 'scorecard');
    m.root.querySelector<HTMLDetailsElement>('details.pillar[data-pillar="codes"]')!.open = true;
    await m.el.updateComplete;
    expect(await shot('card-dark-scorecard')).to.equal('test/screenshots/card-dark-scorecard.png');
  });

  it('a lock\'s own card (as the dashboard strategy puts it on the lock\'s view): its alerts, codes and timeline', async () => {
    applyTheme('light');
    await setViewport({ width: 800, height: 1000 });
    const m = await mount({ title: 'Front Door', entities: ['lock.front_door'], views: ['alerts', 'codes', 'timeline'] }, { shared });
    m.h.fire(zwaveNotification(6, 2, 10 * 60_000));
    await openView(m, 'codes');
    expect(await shot('card-lock-view-codes')).to.equal('test/screenshots/card-lock-view-codes.png');
  });

  it('the baseline comparison fails on a layout change and on a changed look', async () => {
    const m = await lightOverview();
    await matchBaseline('card-light-overview', { compareOnly: true });
    // Narrower: the tiles rewrap, the card has another size.
    m.el.parentElement!.style.width = '560px';
    let error = '';
    await matchBaseline('card-light-overview', { compareOnly: true }).catch((e: Error) => { error = e.message; });
    expect(error).to.match(/layout changed, \d+×\d+ px now/);
    // Same size, other look (the dark theme's colours).
    m.el.parentElement!.style.width = '600px';
    applyTheme('dark');
    error = '';
    await matchBaseline('card-light-overview', { compareOnly: true }).catch((e: Error) => { error = e.message; });
    expect(error).to.match(/% of pixels differ from the baseline/);
  });

  it('phone width: the timeline fits 360 px without horizontal scrolling; compact tile', async () => {
    applyTheme('light');
    await setViewport({ width: 360, height: 800 });
    const m = await mount({}, { shared });
    m.el.parentElement!.style.width = '344px';
    m.h.fire(zwaveNotification(6, 1, 20 * 60_000));
    m.h.fire(zwaveNotification(21, null, 15 * 60_000));
    await openView(m, 'timeline');
    const card = m.root.querySelector('ha-card')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1);
    expect(m.el.getBoundingClientRect().width).to.be.at.most(344);
    expect(await shot('card-phone-timeline')).to.equal('test/screenshots/card-phone-timeline.png');
    unmountAll();
    const c = await mount({ mode: 'compact' }, { shared });
    c.el.parentElement!.style.width = '344px';
    await c.el.updateComplete;
    expect(await shot('card-phone-compact')).to.equal('test/screenshots/card-phone-compact.png');
  });
});
