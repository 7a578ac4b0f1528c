// The card built while Home Assistant is still starting (after a restart HA's frontend reconnects and builds the card
// anew): locks without a state yet, locks that do not answer. What it could not load then, it loads once they are up.
import { expect } from '@open-wc/testing';
import { baseStates, withState, type WsCall } from './fixtures.js';
import { mount, openView, text, unmountAll, until } from './helpers.js';

afterEach(() => unmountAll());

const historyCalls = (calls: WsCall[]) => calls.filter((c) => c.type === 'history/history_during_period');

describe('the card started while HA is starting', () => {
  it('a lock that gets its state after the card started: its whole history window is loaded into the timeline', async () => {
    const m = await mount({}, {}, (h) => {
      delete h.hass.states['lock.back_door'];
    });
    await openView(m, 'timeline');
    const backDoor = () => text(m.root, '.event .what').filter((w) => w === 'Unlocked · Back Door');
    expect(backDoor()).to.deep.equal([]);
    expect(historyCalls(m.h.calls).flatMap((c) => c.entity_ids as string[])).not.to.include('lock.back_door');

    m.el.hass = m.h.update({ 'lock.back_door': baseStates()['lock.back_door']! });
    // The fixture's history of the Back Door holds two unlocks, 26 h and 2 h ago: both, from the whole window.
    await until(() => backDoor().length === 2, 'the Back Door\'s unlocks from its history in the timeline');
    const late = historyCalls(m.h.calls).filter((c) => (c.entity_ids as string[]).includes('lock.back_door'));
    expect(late).to.have.length(1);
    expect(late[0]!.entity_ids).not.to.include('lock.front_door'); // loaded before: not asked for again
    expect(Date.now() - Date.parse(String(late[0]!.start_time))).to.be.greaterThan(7 * 86_400_000 - 60_000);

    // Loaded once: a later update of the lock asks HA for nothing more.
    m.el.hass = m.h.update({ 'lock.back_door': withState(baseStates()['lock.back_door']!, 'locked') });
    await m.el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(historyCalls(m.h.calls).filter((c) => (c.entity_ids as string[]).includes('lock.back_door'))).to.have.length(1);
  });

  it('HA refusing the history while it starts: the card says so, tries again, and the notice goes once it is loaded', async () => {
    let refuse = true;
    const m = await mount({}, {}, (h) => {
      const callWS = h.hass.callWS.bind(h.hass);
      h.hass.callWS = (async (msg: WsCall) => {
        // As HA answers before its history integration is set up.
        if (msg.type === 'history/history_during_period' && refuse) {
          h.calls.push(structuredClone(msg));
          throw { code: 'unknown_command', message: 'Unknown command.' };
        }
        return callWS(msg);
      }) as typeof h.hass.callWS;
    });
    const notice = () => text(m.root, '.notice').some((n) => n.includes('The access history could not be loaded.'));
    expect(notice()).to.equal(true);
    const tries = historyCalls(m.h.calls).length;
    refuse = false;
    await openView(m, 'timeline');
    await until(() => text(m.root, '.event .what').includes('Unlocked · Back Door'), 'the history in the timeline once HA serves it', 10_000);
    expect(notice()).to.equal(false);
    expect(historyCalls(m.h.calls).length).to.equal(tries + 1);
  });

  it('a lock whose codes read failed while it was unavailable is read again once it is back, and the notice goes', async () => {
    const reads: string[] = [];
    const m = await mount({}, {}, (h) => {
      h.update({ 'lock.front_door': withState(baseStates()['lock.front_door']!, 'unavailable') });
      const callWS = h.hass.callWS.bind(h.hass);
      h.hass.callWS = (async (msg: WsCall) => {
        if (msg.service === 'get_lock_usercode') {
          const state = h.hass.states['lock.front_door']!.state;
          reads.push(state);
          // As zwave_js answers while its node is not ready.
          if (state === 'unavailable') throw { code: 'home_assistant_error', message: 'Node 5 is not ready' };
        }
        return callWS(msg);
      }) as typeof h.hass.callWS;
    });
    const notice = () => text(m.root, '.notice').some((n) => n.includes("Some locks' codes could not be read."));
    expect(reads).to.deep.equal(['unavailable']);
    expect(notice()).to.equal(true);

    // Still unavailable (another update of it): not read again.
    m.el.hass = m.h.update({ 'lock.front_door': withState(baseStates()['lock.front_door']!, 'unavailable', -1000) });
    await m.el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(reads).to.deep.equal(['unavailable']);

    m.el.hass = m.h.update({ 'lock.front_door': withState(baseStates()['lock.front_door']!, 'locked') });
    await until(() => !notice(), 'the notice gone once the codes were read');
    expect(reads).to.deep.equal(['unavailable', 'locked']);
    // The codes read now count: the Front Door's weak slot is a slot to fix.
    await openView(m, 'scorecard');
    expect(text(m.root, '.slot-fix > span')).to.include('Front Door · Slot 1 · Weak');
  });
});
