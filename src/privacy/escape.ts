// Text from the house on a terminal or in a spreadsheet: control characters (C0, DEL, C1 such as CSI 0x9b),
// line and paragraph separators and bidirectional overrides are shown as visible escapes (\n, \x1b, \u202e), so a
// name can neither forge a line of the report nor drive the terminal (ESC[2J, OSC 8 links, title changes).

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufffe\uffff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` safe to print on a terminal line: every unsafe character escaped, backslashes kept as they are. */
export function printable(s: string): string {
  return s.replace(UNSAFE, escapeOne);
}

/** Same set, for text already serialised as JSON: the characters JSON.stringify leaves raw become \u escapes. */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufffe\uffff]/g;
export function printableJson(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters that make a spreadsheet read a cell as a formula, ASCII and full-width (＝＋－＠). */
const FORMULA_START = /^[\s]*[=+\-@\uff1d\uff0b\uff0d\uff20\u2212]/;

/** One CSV cell: escaped for a terminal, never a formula, quoted when needed. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
  s = printable(s);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
