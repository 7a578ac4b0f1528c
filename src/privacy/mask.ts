// One place that keeps the house's in-use codes out of everything Lock Sentinel shows. Names, labels, changed_by,
// event labels and every other text from the house pass through `Masker.text` where they enter the engine's model;
// a code found in them is replaced by MASK. Our own text (dates, counts, slot numbers) never passes here, so a
// code like 2026 cannot be revealed by a masked date.
//
// Rule: a code of 4+ characters is masked wherever it occurs, together with the whole run of digits around it
// ("slot 14829130" shows no part of 482913); a shorter code only where it stands alone as a run of digits.

export const MASK = '••••';

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

export class Masker {
  private readonly codes: string[];
  private readonly cache = new Map<string, string>();

  constructor(codes: Iterable<string>) {
    this.codes = [...new Set([...codes].map((c) => c.trim()).filter((c) => c !== ''))].sort((a, b) => b.length - a.length);
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
    for (const code of this.codes) {
      let from = 0;
      for (let i = s.indexOf(code, from); i >= 0; i = s.indexOf(code, from)) {
        let a = i, b = i + code.length;
        from = i + 1;
        const alone = (a === 0 || !isDigit(s.charCodeAt(a - 1))) && (b === s.length || !isDigit(s.charCodeAt(b)));
        if (code.length < 4 && !alone) continue;
        while (a > 0 && isDigit(s.charCodeAt(a - 1))) a--;
        while (b < s.length && isDigit(s.charCodeAt(b))) b++;
        spans.push([a, b]);
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
