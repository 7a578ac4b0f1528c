// How strong is a PIN? Whole-code shapes only (573194 is strong even though it contains "19").
// This module and the service call that sets a code are the only places a PIN is ever seen.

export type CodeVerdict = 'weak' | 'strong';
export interface CodeCheck {
  verdict: CodeVerdict;
  reasons: string[];
}

export const MIN_STRONG_LENGTH = 6;

/** The most common PINs of published PIN-frequency lists (4, 6 and 8 digits). */
const COMMON = new Set([
  '1234', '1111', '0000', '1212', '7777', '1004', '2000', '4444', '2222', '6969', '9999', '3333', '5555', '6666',
  '1122', '1313', '8888', '4321', '2001', '1010', '2580', '0852', '1221', '5683', '0007', '1123', '1230',
  '123456', '654321', '111111', '000000', '123123', '666666', '121212', '112233', '159753', '789456', '696969',
  '101010', '123321', '147258', '159357', '222222', '555555', '777777', '888888', '999999', '131313', '007007',
  '12345678', '87654321', '11111111', '00000000', '88888888', '12341234', '11223344', '12121212', '69696969',
]);

/** Straight lines on a phone-style keypad (1-2-3 / 4-5-6 / 7-8-9 / 0 under 8), both directions. */
const KEYPAD_LINES = ['123', '456', '789', '147', '258', '369', '2580', '159', '357', '0852'].flatMap((l) => [l, [...l].reverse().join('')]);

function isSequential(d: string): boolean {
  if (d.length < 3) return false;
  const step = (Number(d[1]) - Number(d[0]) + 10) % 10;
  if (step !== 1 && step !== 9) return false;
  for (let i = 1; i < d.length; i++) if ((Number(d[i]) - Number(d[i - 1]) + 10) % 10 !== step) return false;
  return true;
}

const isOneDigit = (d: string) => /^(\d)\1+$/.test(d);

/** A unit repeated at least twice (1212, 123123), or every digit doubled (112233). */
function isRepeatedPattern(d: string): boolean {
  for (let unit = 1; unit <= d.length / 2; unit++) {
    if (d.length % unit === 0 && d.slice(0, unit).repeat(d.length / unit) === d) return true;
  }
  return d.length >= 4 && d.length % 2 === 0 && /^((\d)\2)+$/.test(d);
}

const isMirrored = (d: string) => d.length >= 4 && [...d].reverse().join('') === d;

/** The whole code is one or more keypad lines end to end (2580, 147258, 369). */
function isKeypadLine(d: string): boolean {
  const can = new Array<boolean>(d.length + 1).fill(false);
  can[0] = true;
  for (let i = 0; i < d.length; i++) {
    if (!can[i]) continue;
    for (const line of KEYPAD_LINES) if (d.startsWith(line, i)) can[i + line.length] = true;
  }
  return can[d.length];
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const validDay = (m: number, day: number) => m >= 1 && m <= 12 && day >= 1 && day <= DAYS_IN_MONTH[m - 1];
const validYear4 = (y: number) => y >= 1900 && y <= 2099;

/** The whole code is a date: MMDD, DDMM, MMDDYY, DDMMYY, YYMMDD, MMDDYYYY, DDMMYYYY, YYYYMMDD. */
function isDate(d: string): boolean {
  const n = (a: number, b: number) => Number(d.slice(a, b));
  switch (d.length) {
    case 4:
      return validDay(n(0, 2), n(2, 4)) || validDay(n(2, 4), n(0, 2));
    case 6:
      return validDay(n(0, 2), n(2, 4)) || validDay(n(2, 4), n(0, 2)) || validDay(n(2, 4), n(4, 6));
    case 8:
      return (validDay(n(0, 2), n(2, 4)) && validYear4(n(4, 8)))
        || (validDay(n(2, 4), n(0, 2)) && validYear4(n(4, 8)))
        || (validYear4(n(0, 4)) && validDay(n(4, 6), n(6, 8)));
    default:
      return false;
  }
}

export function checkCode(pin: string): CodeCheck {
  const code = pin.trim();
  const reasons: string[] = [];
  const digits = /^\d+$/.test(code);
  if (code.length < MIN_STRONG_LENGTH) reasons.push(`short (${code.length} digits, fewer than ${MIN_STRONG_LENGTH})`);
  if (digits) {
    if (COMMON.has(code)) reasons.push('one of the most common PINs');
    if (isOneDigit(code)) reasons.push('one repeated digit');
    else if (isSequential(code)) reasons.push('sequential digits');
    else if (isRepeatedPattern(code)) reasons.push('repeated pattern');
    if (!isOneDigit(code) && isMirrored(code)) reasons.push('mirrored pattern');
    if (isKeypadLine(code)) reasons.push('a straight line on the keypad');
    if (isDate(code)) reasons.push('a date');
    if (code.length === 4 && validYear4(Number(code))) reasons.push('a year');
  }
  return { verdict: reasons.length ? 'weak' : 'strong', reasons };
}
