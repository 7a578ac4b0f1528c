// Is anyone told when it matters? An automation must react to each critical kind of lock event.
import type { Rule, RuleContext } from './context.js';

export type AlertKind = 'failed attempts' | 'unusual-hour access' | 'tamper' | 'low battery' | 'away-access';

const PATTERNS: Record<AlertKind, RegExp> = {
  'failed attempts': /failure_?invalid|failureinvalid|"event":\s*"?(16|19|20|21|50)\b|failed[ _-]?attempt|wrong[ _-]?code|invalid[ _-]?(code|pin)/,
  'unusual-hour access': /"after":\s*"0?2:00|"before":\s*"0?6:00|unusual[ _-]?hour|now\(\)\.hour/,
  tamper: /tamper|"type":\s*"?7\b/,
  'low battery': /battery[\s\S]*("below":\s*"?\d|<\s*\d|low)|low[ _-]?battery/,
  'away-access': /zone\.home|not_home|away[ _-]?access|nobody[ _-]?home/,
};

/** Alert kinds that no automation of the house covers for its locks. */
export function uncoveredAlerts(ctx: RuleContext): AlertKind[] {
  const lockRefs = ['lock', 'zwave_js_notification', 'zha_event', 'zigbee2mqtt',
    ...ctx.locks.flatMap((l) => [l.device_id, l.battery_entity].filter((x): x is string => !!x))];
  const texts = (ctx.header.automations ?? [])
    .map((a) => JSON.stringify(a).toLowerCase())
    .filter((t) => lockRefs.some((r) => t.includes(r.toLowerCase())));
  return (Object.keys(PATTERNS) as AlertKind[]).filter((k) => !texts.some((t) => PATTERNS[k].test(t)));
}

export const missingAlerts: Rule = (ctx) => {
  if (!ctx.header.automations || ctx.locks.length === 0) return [];
  const missing = uncoveredAlerts(ctx);
  if (missing.length === 0) return [];
  return [{
    id: 'missing-alerts', severity: 'warning', entity_id: null, time: null,
    evidence: `No automation alerts on ${missing.join(', ')} for the locks.`,
    fix: 'Install Lock Sentinel\'s alerts (`lock-sentinel install` or the card\'s "Install alerts"), with notifications to your phone.',
  }];
};
