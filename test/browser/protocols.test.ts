// The card loads a protocol's module only for a house that has a lock of it (src/adapters/index.ts, loadProtocols):
// this file runs in a page of its own, so what is registered and fetched is what its cards loaded.
import { expect } from '@open-wc/testing';
import { PROTOCOLS } from '../../src/adapters/index.js';
import { mount, openView, text, unmountAll, until } from './helpers.js';
import { entities, zwaveNotification } from './fixtures.js';
import type { AuditReport } from '../../src/auditor.js';
import type { LockSentinelCard } from '../../cards/lock-sentinel-card/card.js';

/** The protocol the card's audit reads a lock by. */
const protocolOf = (el: LockSentinelCard, id: string) =>
  (el as unknown as { _session: { report: AuditReport } })._session.report.locks.find((l) => l.entity_id === id)?.protocol;

/** The protocol modules the page fetched (the dev server serves each source module as its own file). */
const fetched = () => [...new Set(performance.getEntriesByType('resource').map((r) => /\/src\/adapters\/([a-z0-9-]+)\.ts/.exec(r.name)?.[1])
  .filter((n): n is string => !!n && !['index', 'protocol', 'lock-state', 'discovery'].includes(n)))].sort();

/** The fixture's registry with every lock's device made a generic one (template locks): no protocol of their own. */
function genericLocks(...keep: string[]) {
  const e = entities();
  for (const id of Object.keys(e)) {
    if (!['person', 'met', 'hue'].includes(e[id]!.platform) && !keep.some((k) => id.includes(k))) e[id] = { ...e[id]!, platform: 'template' };
  }
  return e;
}

describe('protocol modules', () => {
  afterEach(unmountAll);

  it('a house of generic locks loads none; a ZHA lock appearing loads ZHA\'s alone, and is audited once it is there', async () => {
    const m = await mount({}, { admin: false }, (h) => void h.update({}, { entities: genericLocks() }));
    expect(PROTOCOLS.map((p) => p.id)).to.deep.equal(['generic']);
    expect(fetched()).to.deep.equal([]);
    expect(protocolOf(m.el, 'lock.back_door')).to.equal('generic');

    // The back door's integration shows up in the registry (HA finished starting ZHA).
    m.el.hass = m.h.update({}, { entities: genericLocks('back_door') });
    await until(() => PROTOCOLS.some((p) => p.id === 'zha'), 'the ZHA module loaded');
    expect(PROTOCOLS.map((p) => p.id)).to.deep.equal(['zha', 'generic']);
    expect(fetched()).to.deep.equal(['zha']);
    await until(() => protocolOf(m.el, 'lock.back_door') === 'zha', 'the back door audited as a ZHA lock');
    expect(m.root.querySelector('.loading')).to.equal(null);
  });

  it('an admin\'s feed takes the events of a protocol loaded later: a Z-Wave keypad unlock reaches the timeline', async () => {
    const m = await mount({}, {}, (h) => void h.update({}, { entities: genericLocks('back_door') }));
    expect(PROTOCOLS.map((p) => p.id)).to.deep.equal(['zha', 'generic']);
    await until(() => m.h.subscribed().includes('zha_event'), 'subscribed to ZHA events');
    expect(m.h.subscribed()).to.not.include('zwave_js_notification');

    m.el.hass = m.h.update({}, { entities: genericLocks('back_door', 'front_door') });
    await until(() => PROTOCOLS.some((p) => p.id === 'zwave_js'), 'the Z-Wave JS module loaded');
    expect(PROTOCOLS.map((p) => p.id)).to.deep.equal(['zwave_js', 'zha', 'generic']);
    await until(() => m.h.subscribed().includes('zwave_js_notification'), 'subscribed to Z-Wave JS notifications');

    m.h.fire(zwaveNotification(6, 2, 0));
    await openView(m, 'timeline');
    await until(() => (text(m.root, '.events li')[0] ?? '').includes('Slot 2'), 'the Z-Wave unlock in the timeline');
    expect(text(m.root, '.events li')[0]).to.match(/Unlocked · Front Door/);
  });
});
