// The house's locks → every Lock Sentinel automation and the breach script, as HA config objects.
import type { CodeRegistryEntry } from '../model/ha.js';
import type { Lock } from '../model/lock.js';
import '../adapters/all.js';
import { protocol } from '../adapters/index.js';
import { printable } from '../privacy/escape.js';
import { withThresholds, type Thresholds } from '../thresholds.js';
import { runnable, type Body, type LockBuilder } from './body.js';
import { objectId } from './jinja.js';
import { awayAccess } from './kinds/away-access.js';
import { breachScript } from './kinds/breach-script.js';
import { failedAttempts } from './kinds/failed-attempts.js';
import { firmware } from './kinds/firmware.js';
import { guestExpiry } from './kinds/guest-expiry.js';
import { jam } from './kinds/jam.js';
import { lockout } from './kinds/lockout.js';
import { lowBattery } from './kinds/low-battery.js';
import { monthlyAudit, weeklyReview, type House } from './kinds/reminders.js';
import { tamper } from './kinds/tamper.js';
import { unavailable } from './kinds/unavailable.js';
import { unusualHour } from './kinds/unusual-hour.js';
import { lockSubject, subjectVariables } from './subject.js';
import type { AutomationConfig, ConfigMap, Generated } from './types.js';

/** Every automation Lock Sentinel installs has this id prefix and starts its description with MARKER. */
export const ID_PREFIX = 'lock_sentinel_';
export const MARKER = '[lock-sentinel]';
export const BREACH_SCRIPT_ID = 'lock_sentinel_suspected_breach';

export const LOCK_BUILDERS: LockBuilder[] = [
  failedAttempts, lockout, unusualHour, awayAccess, tamper, jam, lowBattery, firmware, unavailable,
];

export interface GenerateInput {
  locks: Lock[];
  registry: CodeRegistryEntry[];
  notify: string[];
  /** The guide's thresholds, some overridden (the card's config, the CLI's flags). */
  thresholds?: Partial<Thresholds>;
  /** Guest expiries before this instant are reported in notes instead (their trigger could never fire). */
  now?: Date;
  /**
   * The Home Assistant release that runs them (`config.version`): a guest code is cleared only through a service it
   * has (Matter's needs 2026.3+; not known: no Matter clear, a note says so).
   */
  haVersion?: string;
}

export function automation(id: string, alias: string, body: Body, variables: ConfigMap): AutomationConfig {
  return { id, alias, description: `${MARKER} ${body.description}`, ...runnable(body, variables) };
}

export function generate(raw: GenerateInput): Generated {
  // House names go into YAML and notifications as visible text: control, bidi and C1 characters escaped (a raw C1
  // character made HA's YAML loader refuse the whole file).
  const input: GenerateInput = {
    ...raw,
    locks: raw.locks.map((l) => ({ ...l, name: printable(l.name) })),
    registry: raw.registry.map((e) => ({ ...e, name: printable(e.name) })),
  };
  const th = withThresholds(input.thresholds);
  const now = input.now ?? new Date();
  const automations: AutomationConfig[] = [];
  const notes: string[] = [];
  for (const lock of input.locks) {
    const s = lockSubject(lock, input.registry);
    for (const build of LOCK_BUILDERS) {
      const body = build(s, th);
      if (body) automations.push(automation(`${ID_PREFIX}${body.kind}_${objectId(lock.entity_id)}`, `Lock Sentinel: ${body.title} – ${lock.name}`, body, subjectVariables(s, input.notify)));
    }
    if (!lock.battery_entity) notes.push(`${lock.entity_id}: no battery sensor, no low-battery alert`);
    if (!lock.firmware) notes.push(`${lock.entity_id}: no firmware update entity, no firmware alert`);
    const can = protocol(lock.protocol).capabilities;
    if (!can.failures) {
      notes.push(`${lock.entity_id}: ${lock.protocol} locks report no failed codes or tamper events, only lock states`);
    }
  }
  const byId = new Map(input.locks.map((l) => [l.entity_id, l]));
  for (const e of input.registry) {
    if (e.role !== 'guest' || !e.expires) continue;
    const lock = byId.get(e.lock);
    if (!lock) { notes.push(`guest code ${e.lock} slot ${e.slot}: no such lock`); continue; }
    if (new Date(e.expires) <= now) { notes.push(`guest code ${e.lock} slot ${e.slot} expired already: clear it now`); continue; }
    try {
      const body = guestExpiry(lock, e, input.haVersion);
      automations.push(automation(`${ID_PREFIX}guest_expiry_${objectId(lock.entity_id)}_${e.slot}`,
        `Lock Sentinel: ${body.title} – ${lock.name}`, body, { notify_targets: input.notify }));
    } catch (err) {
      notes.push(`guest code ${e.lock} slot ${e.slot}: ${(err as Error).message}`);
    }
  }
  const house: House = {
    locks: input.locks.map((l) => l.entity_id),
    batteries: input.locks.flatMap((l) => (l.battery_entity ? [l.battery_entity] : [])),
    firmwares: input.locks.flatMap((l) => (l.firmware ? [l.firmware.entity_id] : [])),
  };
  for (const body of [weeklyReview(house, th), monthlyAudit(house, th)]) {
    automations.push(automation(`${ID_PREFIX}${body.kind}`, `Lock Sentinel: ${body.title}`, body, { notify_targets: input.notify }));
  }
  return {
    automations,
    scripts: { [BREACH_SCRIPT_ID]: breachScript(input.locks, input.registry, input.notify, input.haVersion) },
    notes,
  };
}
