// The guide's three pillars: access codes 70, audits 20, technical hardening 10. Unknown checks are excluded
// from the denominator (never counted as passes); a pillar with no known check drops out of the total.
import type { Check, CheckStatus, Pillar, PillarScore, Score } from '../model/finding.js';

export const PILLAR_WEIGHTS: Record<Pillar, number> = { codes: 70, audits: 20, hardening: 10 };
const CREDIT: Record<Exclude<CheckStatus, 'unknown'>, number> = { pass: 1, warn: 0.5, fail: 0 };

export function grade(total: number): Score['grade'] {
  return total >= 90 ? 'A' : total >= 80 ? 'B' : total >= 70 ? 'C' : total >= 60 ? 'D' : 'F';
}

export function score(checks: Check[]): Score {
  const pillars: PillarScore[] = (Object.keys(PILLAR_WEIGHTS) as Pillar[]).map((pillar) => {
    const mine = checks.filter((c) => c.pillar === pillar);
    const known = mine.filter((c) => c.status !== 'unknown');
    const weight = known.reduce((s, c) => s + c.weight, 0);
    const earned = known.reduce((s, c) => s + c.weight * CREDIT[c.status as keyof typeof CREDIT], 0);
    return {
      pillar, weight: PILLAR_WEIGHTS[pillar],
      score: weight ? Math.round((earned / weight) * 1000) / 10 : null,
      known: known.length, unknown: mine.length - known.length,
    };
  });
  const counted = pillars.filter((p) => p.score !== null);
  const denominator = counted.reduce((s, p) => s + p.weight, 0);
  const total = denominator ? Math.round(counted.reduce((s, p) => s + p.weight * (p.score as number), 0) / denominator) : 0;
  return { total, grade: grade(total), pillars };
}
