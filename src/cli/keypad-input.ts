// What a line given to `code-check` is, judged as a lock keypad would: keypads take the digits 0-9 only, 4 to 10 of
// them (Z-Wave's User Code limits; Zigbee locks take fewer). Anything else is not a keypad code, said without echoing it.

export const MAX_KEYPAD_DIGITS = 10;
/** Longer lines are not kept whole: only their length is told. */
export const MAX_LINE_BYTES = 256;

export type KeypadInput = { code: string } | { invalid: string };

export function keypadInput(line: string, bytes = Buffer.byteLength(line)): KeypadInput {
  if (bytes > MAX_LINE_BYTES) return { invalid: `not a keypad code: ${bytes} bytes long, a keypad takes at most ${MAX_KEYPAD_DIGITS} digits` };
  const s = line.replace(/^[ \t\r]+|[ \t\r]+$/g, '');
  if (/^[0-9]+$/.test(s)) {
    return s.length > MAX_KEYPAD_DIGITS
      ? { invalid: `not a keypad code: ${s.length} digits, a keypad takes at most ${MAX_KEYPAD_DIGITS}` }
      : { code: s };
  }
  const has: string[] = [];
  if (/[0-9]/.test(s)) has.push('digits');
  if (/\p{Nd}/u.test(s.replace(/[0-9]/g, ''))) has.push('digits other than 0-9');
  if (/\p{L}/u.test(s)) has.push('letters');
  if (/\s/u.test(s)) has.push('spaces');
  if (/[^\p{Nd}\p{L}\s]/u.test(s)) has.push('symbols');
  return { invalid: `not a keypad code: it has ${has.join(', ').replace(/, ([^,]*)$/, ' and $1')} (a keypad has only the keys 0-9)` };
}

/** Splits a byte stream into lines without ever holding more than MAX_LINE_BYTES of one line. */
export async function* keypadLines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<{ text: string; bytes: number }> {
  let kept: Buffer[] = [];
  let keptBytes = 0;
  let bytes = 0;
  const flush = () => {
    const text = bytes > MAX_LINE_BYTES ? '' : Buffer.concat(kept, keptBytes).toString('utf8');
    const line = { text, bytes };
    kept = []; keptBytes = 0; bytes = 0;
    return line;
  };
  const keep = (b: Buffer) => {
    bytes += b.length;
    if (bytes <= MAX_LINE_BYTES) { kept.push(b); keptBytes += b.length; } else if (kept.length) { kept = []; keptBytes = 0; }
  };
  for await (const c of chunks) {
    const buf = typeof c === 'string' ? Buffer.from(c) : c;
    let start = 0;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
      keep(buf.subarray(start, nl));
      yield flush();
      start = nl + 1;
    }
    if (start < buf.length) keep(buf.subarray(start));
  }
  if (bytes > 0) yield flush();
}
