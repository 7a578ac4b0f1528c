// One place that keeps the house's in-use codes out of everything Lock Sentinel shows. Names, labels, changed_by,
// event labels and every other text from the house pass through `Masker.text` where they enter the engine's model;
// a code found in them is replaced by MASK. Our own text (dates, counts, slot numbers) never passes here, so a
// code like 2026 cannot be revealed by a masked date.
//
// Rule: a code is found in the digits of a text read as a person reads them: any script's decimal digits
// (full-width ５, Arabic-Indic ٥ ...) count as the digits they are, and digits stay one group across a few
// separators (spaces of any width, dashes, dots, slashes, commas, apostrophes, invisible and control characters),
// so "573 194", "5-7-3-1-9-4" and "57\u200b3194" all show 573194. A code of 4+ digits is masked wherever it stands in
// a group, together with the whole group ("slot 14829130" shows no part of 482913); a shorter code only where it is
// a whole group. A code that is not all digits is masked wherever it occurs as written.

export const MASK = '••••';

/** Characters that keep digits around them one group for a reader; at most MAX_GAP of them in a row. */
const SEPARATOR = /[\s\p{Cc}\p{Cf}\p{Pd}\p{Zs}._/,:'\u00b7\u2019\u2212]/u;
const MAX_GAP = 5;
const DIGIT = /\p{Nd}/u;
const ASCII_DIGITS = /^[0-9]+$/;

const digitValues = new Map<number, number>();
/**
 * The value of a decimal digit of any script. Unicode assigns every script's decimal digits as one contiguous run
 * 0-9 (several scripts' runs may follow each other), so the value is the distance from the run's start, mod 10.
 */
function digitValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  let v = digitValues.get(cp);
  if (v === undefined) {
    let start = cp;
    while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
    v = (cp - start) % 10;
    digitValues.set(cp, v);
  }
  return v;
}

/** The text's digit groups: each group's digits as ASCII and where it starts and ends in the text. */
function digitGroups(s: string): { digits: string; from: number; to: number }[] {
  const groups: { digits: string; from: number; to: number }[] = [];
  let cur: { digits: string; from: number; to: number } | null = null;
  let gap = 0;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (DIGIT.test(ch)) {
      if (!cur) { cur = { digits: '', from: i, to: next }; groups.push(cur); }
      cur.digits += String(digitValue(cp));
      cur.to = next;
      gap = 0;
    } else if (cur && gap < MAX_GAP && SEPARATOR.test(ch)) {
      gap++;
    } else {
      cur = null;
      gap = 0;
    }
    i = next;
  }
  return groups;
}

export class Masker {
  private readonly codes: string[];
  private readonly cache = new Map<string, string>();

  constructor(codes: Iterable<string>) {
    this.codes = [...new Set([...codes].map((c) => asciiDigits(c.trim())).filter((c) => c !== ''))].sort((a, b) => b.length - a.length);
  }

  get empty(): boolean {
    return this.codes.length === 0;
  }

  /** `s` with every in-use code masked. */
  text(s: string): string {
    if (this.codes.length === 0 || s === '') return s;
    let v = this.cache.get(s);
    if (v === undefined) {
      v = this.apply(s);
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(s, v);
    }
    return v;
  }

  /** `s` masked, null stays null. */
  maybe(s: string | null): string | null {
    return s === null ? null : this.text(s);
  }

  /** Does `s` carry an in-use code (by the masking rule)? */
  carries(s: string): boolean {
    return this.text(s) !== s;
  }

  private apply(s: string): string {
    const spans: [number, number][] = [];
    const groups = DIGIT.test(s) ? digitGroups(s) : [];
    for (const code of this.codes) {
      if (!ASCII_DIGITS.test(code)) {
        for (let i = s.indexOf(code); i >= 0; i = s.indexOf(code, i + 1)) spans.push([i, i + code.length]);
        continue;
      }
      for (const g of groups) {
        if (code.length < 4 ? g.digits === code : g.digits.includes(code)) spans.push([g.from, g.to]);
      }
    }
    if (spans.length === 0) return s;
    spans.sort((x, y) => x[0] - y[0]);
    let out = '', at = 0;
    for (const [a, b] of spans) {
      if (b <= at) continue;
      out += s.slice(at, Math.max(a, at)) + (a >= at ? MASK : '');
      at = b;
    }
    return out + s.slice(at);
  }
}

/** A code as ASCII digits where it is written in another script's digits (a code is compared digit by digit). */
function asciiDigits(code: string): string {
  if (ASCII_DIGITS.test(code) || ![...code].every((c) => DIGIT.test(c))) return code;
  return [...code].map((c) => String(digitValue(c.codePointAt(0)!))).join('');
}

/** A copy of `v` with every string (keys too) masked; for house data shown as it is (attribute paths). */
export function maskDeep<T>(v: T, m: Masker): T {
  if (m.empty) return v;
  if (typeof v === 'string') return m.text(v) as T;
  if (Array.isArray(v)) return v.map((x) => maskDeep(x, m)) as T;
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [m.text(k), maskDeep(x, m)])) as T;
  }
  return v;
}
