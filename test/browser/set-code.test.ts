// "Set a new code" in the card (admins): from the strength check's weak and unknown slots and from the codes view,
// through the strength gate, into exactly one service call, recorded in the registry; the PIN nowhere else.
import './fixed-clock.js';
import 'axe-core';
import type { AxeResults } from 'axe-core';
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { gateCode } from '../../src/services/code-gate.js';
import { allDomText, mount, openView, text, unmountAll, until, type Mounted } from './helpers.js';
import { applyTheme } from './themes.js';

declare global {
  interface Window {
    axe: { run(context: Element, options: Record<string, unknown>): Promise<AxeResults> };
  }
}

const shared = {
  code_registry: [
    { lock: 'lock.front_door', slot: 2, name: 'Anna', role: 'family', added: '2026-03-01T10:00:00Z', expires: null },
    { lock: 'lock.back_door', slot: 2, name: 'Dog walker', role: 'guest', added: '2026-03-01T10:00:00Z', expires: null },
  ],
};

/** Everything the page printed to the console (this file's page) since the last test. */
const printed: string[] = [];
for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[k].bind(console);
  console[k] = (...a: unknown[]) => {
    printed.push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
    original(...a);
  };
}
afterEach(() => {
  printed.length = 0;
  unmountAll();
});

const dialogRoot = (m: Mounted) => m.root.querySelector('lock-sentinel-set-code')?.shadowRoot ?? null;

async function openFromFinding(m: Mounted, label: string): Promise<ShadowRoot> {
  await openView(m, 'scorecard');
  const check = m.root.querySelector('[data-check="strong-codes"]')!;
  check.closest('details.pillar')!.setAttribute('open', '');
  check.querySelector('details')!.open = true;
  const button = check.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
  button.focus();
  button.click();
  await until(() => dialogRoot(m)?.querySelector('dialog[open]'), 'the set-code dialog');
  return dialogRoot(m)!;
}

function fill(d: ShadowRoot, o: { holder?: string; role?: string; expires?: string; typed?: string }): void {
  if (o.holder !== undefined) d.querySelector<HTMLInputElement>('#holder')!.value = o.holder;
  if (o.role !== undefined) d.querySelector<HTMLSelectElement>('#role')!.value = o.role;
  if (o.expires !== undefined) d.querySelector<HTMLInputElement>('#expires')!.value = o.expires;
}

async function typeCode(d: ShadowRoot, host: Element, pin: string): Promise<void> {
  const radio = d.querySelector<HTMLInputElement>('input[type="radio"][value="type"]')!;
  radio.click();
  await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  const input = d.querySelector<HTMLInputElement>('#code')!;
  expect(input.type).to.equal('password');
  expect(input.getAttribute('autocomplete')).to.equal('off');
  input.value = pin;
}

const submit = (d: ShadowRoot) => d.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

/** Where a string shows in a tree: text, attribute values and form values, through every shadow root. */
function whereIs(root: Node, needle: string): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.includes(needle)) out.push(`text in ${node.parentElement?.tagName}`);
    if (node instanceof Element) {
      for (const a of node.attributes) if (a.value.includes(needle)) out.push(`${node.tagName}[${a.name}]`);
      if ((node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement) && node.value.includes(needle)) {
        out.push(`${node.tagName.toLowerCase()}#${node.id}.value`);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const c of node.childNodes) walk(c);
  };
  walk(root);
  return out;
}

/** Every place outside the one service call a PIN could have gone: DOM, console, other calls, storage, registry. */
function leaks(m: Mounted, pin: string): string[] {
  const out = whereIs(document.body, pin).map((w) => `DOM ${w}`);
  if (printed.some((p) => p.includes(pin))) out.push('console');
  const calls = m.h.calls.filter((c) => JSON.stringify(c).includes(pin));
  if (calls.length !== 1) out.push(`${calls.length} calls hold it`);
  for (const store of [localStorage, sessionStorage]) {
    for (let i = 0; i < store.length; i++) if (`${store.key(i)}${store.getItem(store.key(i)!)}`.includes(pin)) out.push('web storage');
  }
  if (JSON.stringify([...m.h.userData]).includes(pin)) out.push('shared data');
  return out;
}

interface Entry { lock: string; slot: number; name: string; role: string; added: string | null; expires: string | null; set_strong?: string | null }
const registry = (m: Mounted) => (m.h.userData.get('lock_sentinel') as { code_registry: Entry[] } | undefined)?.code_registry ?? [];
const setCalls = (m: Mounted) => m.h.calls.filter((c) => c.type === 'call_service' && /^set_lock_user_?code$|^publish$|^set_lock_credential$/.test(String(c.service)));

describe('set a new code (admins)', () => {
  it('opens from the weak slot of the strength check, says which lock and slot, takes focus, and Escape closes it', async () => {
    applyTheme('light');
    const m = await mount({}, { shared });
    const d = await openFromFinding(m, 'Set a new code: Front Door, Slot 1');
    await executeServerCommand('screenshot', { name: 'card-set-code-form', selector: 'lock-sentinel-set-code dialog' });
    expect(d.querySelector('h2')!.textContent).to.equal('Set a new code');
    expect(d.querySelector('.where')!.textContent).to.equal('Front Door · Slot 1');
    expect(d.activeElement?.id).to.equal('holder');
    // Each slot to fix is listed under the check with its reason: weak (read) or unknown (the ZHA lock, unreadable).
    expect(text(m.root, '.slot-fix > span')).to.deep.equal(['Back Door · Slot 2 · Strength unknown', 'Front Door · Slot 1 · Weak', 'Front Door · Slot 3 · Weak']);
    await sendKeys({ press: 'Escape' });
    await until(() => !m.root.querySelector('lock-sentinel-set-code'), 'dialog removed');
    await m.el.updateComplete;
    expect((m.root.activeElement as HTMLElement | null)?.getAttribute('aria-label')).to.equal('Set a new code: Front Door, Slot 1');
    expect(setCalls(m)).to.deep.equal([]);
  });

  it('refuses a weak code and one already on a lock, with the reason, and sends nothing; the typed field is cleared', async () => {
    const m = await mount({}, { shared });
    const d = await openFromFinding(m, 'Set a new code: Front Door, Slot 1');
    const host = m.root.querySelector('lock-sentinel-set-code')!;
    for (const [pin, reason] of [['123456', /Refused: .*sequential digits/], ['583920', /Refused: the same as a code already set on a lock/]] as const) {
      await typeCode(d, host, pin);
      submit(d);
      await until(() => d.querySelector('.error[role="alert"]') && d.querySelector<HTMLInputElement>('#code')!.value === '', `refusal of ${pin}`);
      expect(d.querySelector('.error')!.textContent).to.match(reason);
      expect(leaks(m, pin).filter((l) => l !== '0 calls hold it')).to.deep.equal([]);
    }
    expect(setCalls(m)).to.deep.equal([]);
    // The gate compared with the codes read from the lock just now.
    expect(m.h.calls.filter((c) => c.service === 'get_lock_usercode').length).to.be.greaterThan(1);
  });

  it('a typed strong code goes into exactly one service call and nowhere else; the registry gets holder, role, added, expiry', async () => {
    const m = await mount({}, { shared });
    const d = await openFromFinding(m, 'Set a new code: Front Door, Slot 1');
    const host = m.root.querySelector('lock-sentinel-set-code')!;
    fill(d, { holder: 'Cleaner', role: 'service', expires: '2030-01-31' });
    const pin = '842637';
    await typeCode(d, host, pin);
    submit(d);
    await until(() => d.querySelector('.done'), 'code set');
    expect(setCalls(m)).to.deep.equal([{
      type: 'call_service', domain: 'zwave_js', service: 'set_lock_usercode', service_data: { code_slot: 1, usercode: pin }, target: { entity_id: 'lock.front_door' },
    }]);
    expect(d.querySelector('.done')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Code set through zwave_js.set_lock_usercode. Recorded for Cleaner.');
    expect(d.querySelector('#new-code')).to.equal(null);
    expect(leaks(m, pin)).to.deep.equal([]);
    const entry = registry(m).find((e) => e.lock === 'lock.front_door' && e.slot === 1)!;
    expect(entry).to.deep.include({ name: 'Cleaner', role: 'service' });
    expect(entry.expires!.slice(0, 10)).to.equal('2030-01-31');
    expect(Date.now() - Date.parse(entry.added!)).to.be.lessThan(60_000);
    expect(entry.set_strong).to.equal(entry.added);
    d.querySelector<HTMLButtonElement>('#done')!.click();
    await until(() => !m.root.querySelector('lock-sentinel-set-code'), 'dialog removed');
    expect(leaks(m, pin)).to.deep.equal([]);
  });

  it("HA answering the first read after the set from its cache (the old code): the card reads again, and the slot leaves the slots to fix", async () => {
    const m = await mount({}, { shared });
    const hass = m.h.hass;
    const callWS = hass.callWS.bind(hass);
    // What HA's zwave_js does on 2026.11: the set is acknowledged, its code cache follows a moment later.
    let lockHas: string | null = null;
    let readsAfterSet = 0;
    hass.callWS = (async (msg: { type: string; [k: string]: unknown }) => {
      if (msg.service === 'set_lock_usercode') {
        const answer = await callWS(msg);
        lockHas = (msg.service_data as { usercode: string }).usercode;
        return answer;
      }
      if (msg.service === 'get_lock_usercode' && lockHas !== null) {
        const answer = await callWS(msg) as { response: Record<string, Record<string, { usercode: string; in_use: boolean }>> };
        if (++readsAfterSet > 1) answer.response['lock.front_door']!['1'] = { usercode: lockHas, in_use: true };
        return answer;
      }
      return callWS(msg);
    }) as typeof hass.callWS;
    const d = await openFromFinding(m, 'Set a new code: Front Door, Slot 1');
    const pin = '842637';
    await typeCode(d, m.root.querySelector('lock-sentinel-set-code')!, pin);
    submit(d);
    await until(() => d.querySelector('.done'), 'code set');
    d.querySelector<HTMLButtonElement>('#done')!.click();
    await until(() => !m.root.querySelector('lock-sentinel-set-code'), 'dialog removed');
    const toFix = () => text(m.root, '.slot-fix > span');
    await until(() => !toFix().includes('Front Door · Slot 1 · Weak'), 'slot 1 gone from the slots to fix', 5000);
    expect(readsAfterSet).to.equal(2);
    expect(toFix()).to.include('Front Door · Slot 3 · Weak');
    // Once the slot read differently, the card stops reading.
    await new Promise((r) => setTimeout(r, 1200));
    expect(readsAfterSet).to.equal(2);
    expect(leaks(m, pin)).to.deep.equal([]);
  });

  it("a proposed code is chosen on Set, shown once masked with a press-and-hold reveal, and leaves the DOM when the dialog closes", async () => {
    applyTheme('light');
    const m = await mount({}, { shared });
    await openView(m, 'codes');
    // From the codes view: the ZHA lock's slot of unknown strength (write-only protocol).
    m.root.querySelector<HTMLButtonElement>('button[aria-label="Set a new code: Back Door, Slot 2"]')!.click();
    await until(() => dialogRoot(m)?.querySelector('dialog[open]'), 'the set-code dialog');
    const d = dialogRoot(m)!;
    expect(d.querySelector<HTMLInputElement>('#holder')!.value).to.equal('Dog walker');
    expect(setCalls(m)).to.deep.equal([]); // nothing is proposed before Set
    submit(d);
    await until(() => d.querySelector('#new-code'), 'proposed code shown');
    const calls = setCalls(m);
    expect(calls.length).to.equal(1);
    expect(calls[0]).to.deep.include({ domain: 'zha', service: 'set_lock_user_code', target: { entity_id: 'lock.back_door' } });
    const pin = String((calls[0]!.service_data as { user_code: string }).user_code);
    expect(pin).to.match(/^\d{6,8}$/);
    expect(gateCode(pin, ['1234', '583920', '000000']).ok).to.equal(true);
    // Shown in one masked field only (its value, never an attribute), revealed only while held.
    const shown = d.querySelector<HTMLInputElement>('#new-code')!;
    expect(shown.type).to.equal('password');
    expect(whereIs(document.body, pin)).to.deep.equal(['input#new-code.value']);
    const reveal = d.querySelector<HTMLButtonElement>('#reveal')!;
    reveal.dispatchEvent(new PointerEvent('pointerdown'));
    await (m.root.querySelector('lock-sentinel-set-code') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shown.type).to.equal('text');
    expect(reveal.getAttribute('aria-pressed')).to.equal('true');
    reveal.dispatchEvent(new PointerEvent('pointerup'));
    await until(() => shown.type === 'password', 'masked again on release');
    reveal.focus();
    await sendKeys({ down: ' ' });
    await until(() => shown.type === 'text', 'revealed while Space is held');
    await sendKeys({ up: ' ' });
    await until(() => shown.type === 'password', 'masked again when Space is released');
    expect(printed.some((p) => p.includes(pin))).to.equal(false);
    const entry = registry(m).find((e) => e.lock === 'lock.back_door' && e.slot === 2)!;
    expect(entry).to.deep.include({ name: 'Dog walker', role: 'guest' });
    expect(entry.set_strong).to.be.a('string');
    // The slot is now known strong: the check lists it no more.
    await until(() => text(m.root, '.verdict-set-strong').length > 0, 'slot shown as set strong');
    d.querySelector<HTMLButtonElement>('#done')!.click();
    await until(() => !m.root.querySelector('lock-sentinel-set-code'), 'dialog removed');
    expect(shown.value).to.equal('');
    expect(leaks(m, pin)).to.deep.equal([]);
  });

  it('from a lock of the codes view the admin picks the slot; a Zigbee2MQTT lock gets the code in one MQTT publish', async () => {
    const m = await mount({}, { shared });
    await openView(m, 'codes');
    m.root.querySelector<HTMLButtonElement>('button[aria-label="Set a code in a slot: Garage Lock"]')!.click();
    await until(() => dialogRoot(m)?.querySelector('dialog[open]'), 'the set-code dialog');
    const d = dialogRoot(m)!;
    expect(d.querySelector('.where')!.textContent).to.equal('Garage Lock');
    expect(d.activeElement?.id).to.equal('slot');
    d.querySelector<HTMLInputElement>('#slot')!.value = '4';
    fill(d, { holder: 'Dog walker', role: 'guest' });
    submit(d);
    await until(() => d.querySelector('#new-code'), 'proposed code shown');
    const calls = setCalls(m);
    expect(calls.length).to.equal(1);
    expect(calls[0]).to.deep.include({ domain: 'mqtt', service: 'publish' });
    const data = calls[0]!.service_data as { topic: string; payload: string; retain?: boolean };
    expect(data.topic).to.equal('zigbee2mqtt/garage_lock/set');
    expect(data.retain ?? false).to.equal(false);
    const payload = JSON.parse(data.payload) as { pin_code: { user: number; pin_code: string } };
    expect(payload.pin_code.user).to.equal(3);
    const pin = payload.pin_code.pin_code;
    expect(pin).to.match(/^\d{6,8}$/);
    expect(whereIs(document.body, pin)).to.deep.equal(['input#new-code.value']);
    expect(registry(m).find((e) => e.lock === 'lock.garage' && e.slot === 4)).to.deep.include({ name: 'Dog walker', role: 'guest', expires: null });
    await sendKeys({ press: 'Escape' });
    await until(() => !m.root.querySelector('lock-sentinel-set-code'), 'dialog removed');
    expect(leaks(m, pin)).to.deep.equal([]);
  });

  it("HA's refusal shows HA's message and never the PIN it may echo", async () => {
    const m = await mount({}, { shared });
    const hass = m.h.hass;
    const callWS = hass.callWS.bind(hass);
    hass.callWS = (async (msg: { type: string; [k: string]: unknown }) => {
      if (msg.service === 'set_lock_usercode') {
        m.h.calls.push(structuredClone(msg));
        throw { code: 'home_assistant_error', message: `Usercode ${(msg.service_data as { usercode: string }).usercode} rejected by node 5` };
      }
      return callWS(msg);
    }) as typeof hass.callWS;
    const d = await openFromFinding(m, 'Set a new code: Front Door, Slot 3');
    const pin = '905172';
    await typeCode(d, m.root.querySelector('lock-sentinel-set-code')!, pin);
    submit(d);
    await until(() => d.querySelector('.error'), 'the refusal');
    expect(d.querySelector('.error')!.textContent).to.equal('Home Assistant did not set the code: home_assistant_error: Usercode [code] rejected by node 5');
    expect(leaks(m, pin)).to.deep.equal([]);
    expect(registry(m).some((e) => e.slot === 3 && e.lock === 'lock.front_door')).to.equal(false);
  });

  it('a user who is not an administrator sees no way to set a code', async () => {
    const m = await mount({}, { shared, admin: false });
    for (const view of ['codes', 'scorecard']) {
      await openView(m, view);
      for (const d of m.root.querySelectorAll('details')) d.open = true;
      await m.el.updateComplete;
      expect(allDomText(m.root), view).not.to.include('Set a new code');
    }
    expect(m.root.querySelector('.slot-fixes')).to.equal(null);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`the dialog, its refusal and a proposed code have no serious or critical axe violations (${theme})`, async () => {
      applyTheme(theme);
      const m = await mount({}, { shared, darkMode: theme === 'dark' });
      const d = await openFromFinding(m, 'Set a new code: Front Door, Slot 1');
      const host = m.root.querySelector('lock-sentinel-set-code')!;
      const found: string[] = [];
      const run = async (step: string) => {
        const r = await window.axe.run(host, { resultTypes: ['violations'] });
        found.push(...r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${step}: ${v.id} (${v.impact}) ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`));
      };
      await run('form');
      expect(d.querySelectorAll('label').length).to.be.greaterThan(3);
      await typeCode(d, host, '111111');
      submit(d);
      await until(() => d.querySelector('.error'), 'refusal');
      await run('refused');
      d.querySelector<HTMLInputElement>('input[type="radio"][value="propose"]')!.click();
      await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      submit(d);
      await until(() => d.querySelector('#new-code'), 'proposed code');
      await run('proposed');
      expect(found, found.join('\n')).to.deep.equal([]);
    });
  }
});
