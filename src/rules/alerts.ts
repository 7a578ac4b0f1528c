// Is anyone told when it matters? An automation must react to each critical kind of lock event.
import type { Signal } from '../model/protocol.js';
import { ALERTS, REQUIRED_ALERTS, type AlertKind } from '../model/alerts.js';
import type { Rule, RuleContext } from './context.js';

const hh = (h: number) => String(h).padStart(2, '0');

/** What shows that an automation covers a kind, whatever the protocol; each protocol adds its own reports. */
function patterns(ctx: RuleContext): Partial<Record<AlertKind, { text: RegExp; signal?: Signal }>> {
  const { unusualHourStart: start, unusualHourEnd: end } = ctx.th;
  return {
    failed_attempts: { text: /failed[ _-]?attempt|wrong[ _-]?code|invalid[ _-]?(code|pin)/, signal: 'failed' },
    unusual_hour: {
      text: new RegExp(`"after":\\s*"(${hh(start)}|${start}):00|"before":\\s*"(${hh(end)}|${end}):00|unusual[ _-]?hour|now\\(\\)\\.hour`),
    },
    tamper: { text: /tamper/, signal: 'tamper' },
    low_battery: { text: /battery[\s\S]*("below":\s*"?\d|<\s*\d|low)|low[ _-]?battery/ },
    away_access: { text: /zone\.home|not_home|away[ _-]?access|nobody[ _-]?home/ },
  };
}

/** Alert kinds that no automation of the house covers for its locks. */
export function uncoveredAlerts(ctx: RuleContext): AlertKind[] {
  const lockRefs = ['lock', ...ctx.protocols.flatMap((p) => p.coverage?.refs ?? []),
    ...ctx.locks.flatMap((l) => [l.device_id, l.battery_entity].filter((x): x is string => !!x))];
  const texts = (ctx.header.automations ?? [])
    .map((a) => JSON.stringify(a).toLowerCase())
    .filter((t) => lockRefs.some((r) => t.includes(r.toLowerCase())));
  const all = patterns(ctx);
  const covers = (kind: AlertKind, t: string) => {
    const p = all[kind];
    if (!p) return false;
    const { text, signal } = p;
    return text.test(t) || (signal !== undefined && ctx.protocols.some((p) => p.coverage?.signals[signal]?.test(t)));
  };
  return REQUIRED_ALERTS.filter((k) => !texts.some((t) => covers(k, t)));
}

export const missingAlerts: Rule = (ctx) => {
  if (!ctx.header.automations || ctx.locks.length === 0) return [];
  const missing = uncoveredAlerts(ctx);
  if (missing.length === 0) return [];
  return [{
    id: 'missing-alerts', severity: 'warning', entity_id: null, time: null,
    evidence: `No automation alerts on ${missing.map((k) => ALERTS[k].label).join(', ')} for the locks.`,
    fix: 'Install Lock Sentinel\'s alerts (`lock-sentinel install` or the card\'s "Install alerts"), with notifications to your phone.',
  }];
};
