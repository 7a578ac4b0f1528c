// One name per concept: alert kinds, the findings they answer and the thresholds' config keys and flags come from
// one table each (src/model/alerts.ts, src/thresholds.ts), and every face reads them from there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALERTS, LIVE_FINDINGS, REQUIRED_ALERTS, type AlertKind } from '../../src/model/alerts.js';
import { THRESHOLD_OPTIONS, THRESHOLDS } from '../../src/thresholds.js';
import { CHECKS } from '../../src/score/checks.js';
import { audit } from '../../src/engine.js';
import { demoSnapshot } from '../../src/demo/house.js';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { generate } from '../../src/generate/generate.js';
import { blueprints } from '../../src/generate/blueprints.js';
import { THRESHOLD_VALUED, thresholdFlags } from '../../src/cli/thresholds.js';
import { parseArgs } from '../../src/cli/args.js';
import { thresholdsOf, validateConfig } from '../../cards/lock-sentinel-card/config.js';
import { ALERT_IDS } from '../../cards/lock-sentinel-card/const.js';

test('every generated automation and blueprint is of a kind in the table, and every lock kind is generated', () => {
  const snap = demoSnapshot();
  const gen = generate({ locks: discoverLocks(snap), registry: snap.code_registry ?? [], notify: [], now: new Date('2026-01-01T00:00:00Z') });
  const kinds = new Set<string>();
  for (const a of gen.automations) {
    const kind = (Object.keys(ALERTS) as AlertKind[]).filter((k) => a.id.startsWith(`lock_sentinel_${k}`)).sort((x, y) => y.length - x.length)[0];
    assert.ok(kind, `${a.id} is of no kind in the table`);
    kinds.add(kind);
  }
  for (const b of blueprints()) kinds.add(b.path.replace(/^lock_sentinel\/|\.yaml$/g, ''));
  assert.deepEqual([...kinds].sort(), (Object.keys(ALERTS) as AlertKind[]).sort());
});

test('each alert kind answers a finding the scorecard knows; the card lists the live ones', () => {
  const scored = new Set(CHECKS.flatMap((c) => c.findings));
  for (const [kind, a] of Object.entries(ALERTS)) if (a.finding) assert.ok(scored.has(a.finding), `${kind} → ${a.finding} is in no check`);
  assert.equal(ALERT_IDS, LIVE_FINDINGS);
  assert.ok(LIVE_FINDINGS.includes('failed-attempts') && !LIVE_FINDINGS.includes('firmware-update'));
});

test('the alert-coverage finding names the required kinds by their label', () => {
  const snap = { ...demoSnapshot(), automations: [] };
  const f = audit(snap).findings.find((x) => x.id === 'missing-alerts');
  assert.equal(f?.evidence, `No automation alerts on ${REQUIRED_ALERTS.map((k) => ALERTS[k].label).join(', ')} for the locks.`);
});

test('each threshold option is a card config key and a CLI flag that set the same engine threshold', () => {
  for (const o of THRESHOLD_OPTIONS) {
    const v = o.min + 1;
    assert.notEqual(v, THRESHOLDS[o.key]);
    const card = validateConfig({ type: 'custom:lock-sentinel-card', [o.config]: v });
    assert.deepEqual(thresholdsOf(card)[o.key], v, `card key ${o.config}`);
    assert.ok(THRESHOLD_VALUED.includes(o.flag));
    assert.equal(thresholdFlags(parseArgs([`--${o.flag}`, String(v)], [], THRESHOLD_VALUED))[o.key], v, `flag --${o.flag}`);
  }
});
