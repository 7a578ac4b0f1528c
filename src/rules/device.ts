// Pillar "technical hardening": the lock hardware as HA sees it — tamper, jams, battery, firmware, availability.
import type { RaisedFinding } from '../model/finding.js';
import type { AccessKind } from '../model/lock.js';
import type { HassState } from '../model/ha.js';
import { iso, type Rule, type RuleContext } from './context.js';
import { perLockEvents } from './aggregate.js';

/** Time of the latest timeline event of a kind on a lock (or -Infinity). */
function latest(ctx: RuleContext, lock: string, kind: AccessKind): number {
  const { timeline } = ctx;
  for (let seq = timeline.length - 1; seq >= 0; seq--) if (timeline.kind(seq) === kind && timeline.lock(seq) === lock) return timeline.time(seq);
  return -Infinity;
}

function sensorsOn(ctx: RuleContext, ids: string[]): HassState[] {
  return ids.map((id) => ctx.header.states.find((s) => s.entity_id === id)).filter((s): s is HassState => s?.state === 'on');
}

/** A current condition (state) not already told by an event of the timeline at or after it began. */
function currentNotInTimeline(ctx: RuleContext, lock: string, kind: AccessKind, since: string | null | undefined): number | null {
  const t = Date.parse(since ?? '');
  const start = Number.isNaN(t) ? ctx.now : t;
  return latest(ctx, lock, kind) >= start - ctx.th.unlockMergeSeconds * 1000 ? null : start;
}

export const tamper: Rule = (ctx) => {
  const out: RaisedFinding[] = perLockEvents(ctx, 'tamper', (e) => ({
    id: 'tamper', severity: 'critical', entity_id: e.lock, time: iso(e.time), told: { k: 'tamper', e },
  }));
  for (const l of ctx.locks) {
    for (const s of sensorsOn(ctx, l.sensors.tamper)) {
      const t = currentNotInTimeline(ctx, l.entity_id, 'tamper', s.last_changed);
      if (t !== null) out.push({
        id: 'tamper', severity: 'critical', entity_id: l.entity_id, time: iso(t), told: { k: 'tamper-now', name: l.name, sensor: s.entity_id },
      });
    }
  }
  return out;
};

export const jammed: Rule = (ctx) => {
  const out: RaisedFinding[] = perLockEvents(ctx, 'jam', (e) => ({
    id: 'jammed', severity: 'warning', entity_id: e.lock, time: iso(e.time), told: { k: 'jam', e },
  }));
  for (const l of ctx.locks) {
    const sensor = sensorsOn(ctx, l.sensors.jam)[0];
    if (l.state !== 'jammed' && !sensor) continue;
    const t = currentNotInTimeline(ctx, l.entity_id, 'jam', l.state === 'jammed' ? l.last_changed : sensor?.last_changed);
    if (t !== null) out.push({
      id: 'jammed', severity: 'warning', entity_id: l.entity_id, time: iso(t), told: { k: 'jam-now', name: l.name, sensor: sensor?.entity_id ?? null },
    });
  }
  return out;
};

export const lowBattery: Rule = (ctx) =>
  ctx.locks.filter((l) => l.battery !== null && l.battery < ctx.th.lowBattery).map((l) => ({
    id: 'low-battery', severity: 'warning', entity_id: l.entity_id, time: null,
    told: { k: 'battery', name: l.name, level: l.battery as number, entity: l.battery_entity ?? null },
  }));

export const firmwareUpdate: Rule = (ctx) =>
  ctx.locks.filter((l) => l.firmware?.update_available).map((l) => ({
    id: 'firmware-update', severity: 'warning', entity_id: l.entity_id, time: null, told: { k: 'firmware', name: l.name, firmware: l.firmware },
  }));

export const unavailable: Rule = (ctx) =>
  ctx.locks.filter((l) => l.state === 'unavailable').map((l) => {
    const t = Date.parse(l.last_changed ?? '');
    return {
      id: 'lock-unavailable' as const, severity: 'warning' as const, entity_id: l.entity_id, time: Number.isNaN(t) ? null : iso(t),
      told: { k: 'unavailable' as const, name: l.name, since: Number.isNaN(t) ? null : t },
    };
  });
