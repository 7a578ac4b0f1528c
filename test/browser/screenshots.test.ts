// Screenshots for the README and the issue (light, dark, phone width), with the theming they prove.
import './fixed-clock.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { zwaveNotification } from './fixtures.js';
import { mount, openView, unmountAll } from './helpers.js';

afterEach(() => unmountAll());

/** A subset of HA's default light and dark theme variables, set the way HA sets them (inherited custom properties). */
const THEMES = {
  light: {
    '--primary-text-color': '#212121', '--secondary-text-color': '#727272', '--primary-color': '#03a9f4',
    '--card-background-color': '#ffffff', '--divider-color': 'rgba(0, 0, 0, 0.12)', '--error-color': '#db4437',
    '--warning-color': '#ffa600', '--success-color': '#43a047', 'background': '#fafafa',
  },
  dark: {
    '--primary-text-color': '#e1e1e1', '--secondary-text-color': '#9b9b9b', '--primary-color': '#03a9f4',
    '--card-background-color': '#1c1c1c', '--divider-color': 'rgba(225, 225, 225, 0.12)', '--error-color': '#ef5350',
    '--warning-color': '#ffa600', '--success-color': '#66bb6a', 'background': '#111111',
  },
};

function applyTheme(name: keyof typeof THEMES): void {
  for (const [k, v] of Object.entries(THEMES[name])) document.body.style.setProperty(k, v);
  document.body.style.fontFamily = 'Roboto, Noto, sans-serif';
  document.body.style.margin = '8px';
}

async function shot(name: string): Promise<string> {
  return executeServerCommand<string, { name: string; selector: string }>('screenshot', { name, selector: 'lock-sentinel-card' });
}

const shared = {
  code_registry: [
    { lock: 'lock.front_door', slot: 1, name: 'Anna', role: 'family', added: '2026-03-01T10:00:00Z', expires: null },
    { lock: 'lock.front_door', slot: 2, name: 'Cleaner', role: 'service', added: '2026-06-01T10:00:00Z', expires: '2026-12-31T23:59:59Z' },
  ],
};

describe('screenshots', () => {
  it('light theme: overview and alerts; the card takes the theme colours', async () => {
    applyTheme('light');
    await setViewport({ width: 800, height: 1000 });
    const m = await mount({}, { shared });
    m.h.fire(zwaveNotification(19, null, 30 * 60_000));
    m.h.fire(zwaveNotification(6, 2, 10 * 60_000));
    await m.el.updateComplete;
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
    expect(await shot('card-dark-scorecard')).to.equal('test/screenshots/card-dark-scorecard.png');
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
