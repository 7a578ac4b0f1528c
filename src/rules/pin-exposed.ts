// pin-exposed: an in-use code readable in Home Assistant, in any entity's state or attributes.
//
// The rule (tests on both sides in test/unit/pin-exposed.test.ts):
//  - a value that equals a code is an exposure wherever it stands: the state (also of an entity with a unit),
//    a string or whole-number attribute, at any depth of nested attributes and lists;
//  - free text exposes a code of 4+ digits that stands in it as a whole number: a run of digits, joined by
//    . , : / - to further digits or not, equal to the code ("Last code: 482913" does; "1482913", "4829.13" don't);
//  - readings (numbers, numeric strings, dates and times) are only exposures when they equal the code, so a meter
//    at 1482913.5 or a date 2026-11-20 never flags 482913 or 2026.
import type { HassState } from '../model/ha.js';
import type { RaisedFinding } from '../model/finding.js';
import type { CodeSlot } from '../model/lock.js';
import { slotLabel, type Rule } from './context.js';

const MAX_DEPTH = 8;
const MAX_VALUES = 5_000;
const NUMBER_TOKEN = /\d+(?:[.,:/-]\d+)*/g;
const NUMERIC = /^[-+]?\d+(?:[.,]\d+)?(?:e[-+]?\d+)?$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}.*)?$/;

/** Leaf values of a state (strings and numbers) with where they stand. */
function leaves(s: HassState): [string, string | number][] {
  const out: [string, string | number][] = [];
  const walk = (v: unknown, where: string, depth: number) => {
    if (out.length >= MAX_VALUES) return;
    if (typeof v === 'string' || typeof v === 'number') out.push([where, v]);
    else if (depth < MAX_DEPTH && Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}[${i}]`, depth + 1));
    else if (depth < MAX_DEPTH && v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, where === 'state' ? `attribute ${k}` : `${where}.${k}`, depth + 1);
    }
  };
  walk(s.state, 'state', 0);
  if (s.attributes && typeof s.attributes === 'object') {
    for (const [k, x] of Object.entries(s.attributes)) walk(x, `attribute ${k}`, 1);
  }
  return out;
}

/** Does `v` expose `code` (by the rule above)? */
export function exposes(v: string | number, code: string): boolean {
  if (typeof v === 'number') return Number.isSafeInteger(v) && String(v) === code;
  const t = v.trim();
  if (t === code) return true;
  if (code.length < 4 || !/^\d+$/.test(code) || NUMERIC.test(t) || DATE_TIME.test(t) || !t.includes(code)) return false;
  for (const m of t.matchAll(NUMBER_TOKEN)) if (m[0] === code) return true;
  return false;
}

export const exposedPins: Rule = (ctx) => {
  const codes = (ctx.codes ?? []).filter((c) => c.code.length >= 4);
  if (codes.length === 0) return [];
  const byCode = new Map<string, CodeSlot[]>();
  for (const c of codes) byCode.set(c.code, [...(byCode.get(c.code) ?? []), c]);
  const out: RaisedFinding[] = [];
  for (const s of ctx.rawStates) {
    const seen = new Set<string>();
    for (const [where, v] of leaves(s)) {
      for (const [code, slots] of byCode) {
        if (!exposes(v, code)) continue;
        for (const c of slots) {
          const key = `${c.lock}|${c.slot}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const entity = ctx.mask.text(s.entity_id);
          out.push({
            id: 'pin-exposed', severity: 'critical', entity_id: c.lock, time: null,
            evidence: `${entity} shows the code of ${slotLabel(ctx, c.lock, c.slot)} in its ${ctx.mask.text(where)}: every Home Assistant user can read it and the recorder keeps it.`,
            fix: `Stop ${entity} from exposing codes (mask it or exclude it from the recorder), then change this code.`,
          });
        }
      }
    }
  }
  return out;
};
