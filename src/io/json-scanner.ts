// Finds the end of one JSON value in a byte stream without parsing it, so values can be cut out and
// JSON.parse'd one at a time: a 600 MB snapshot is more than V8's longest string.
const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

export const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Accumulates the bytes of one value across chunks (or only finds its end: `keep` false, for a value skipped). */
export class ValueCapture {
  private pieces: Buffer[] = [];
  /** A value that lies in one chunk is read from it directly (no copy, no view object). */
  private last: Buffer | null = null;
  private lastStart = 0;
  private lastEnd = 0;
  private depth = 0;
  private inString = false;
  /** The previous chunk ended inside a string with an odd run of backslashes: the next byte is escaped. */
  private escaped = false;
  private kind: 'container' | 'string' | 'primitive' | null = null;
  /** Bytes captured so far. */
  size = 0;

  constructor(private readonly keep = true) {}

  /** Feeds bytes from `start`; returns the index just past the value's end, or -1 when it continues in the next chunk. */
  feed(buf: Buffer, start: number): number {
    let i = start;
    if (this.kind === null) {
      const b = buf[i];
      this.kind = b === OPEN_BRACE || b === OPEN_BRACKET ? 'container' : b === QUOTE ? 'string' : 'primitive';
      if (this.kind === 'string') { this.inString = true; i++; }
    }
    const n = buf.length;
    if (this.kind === 'primitive') {
      while (i < n) {
        const b = buf[i];
        if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isSpace(b)) return this.finish(buf, start, i);
        i++;
      }
      this.more(buf, start);
      return -1;
    }
    let depth = this.depth, inString = this.inString;
    while (i < n) {
      if (inString) {
        // The chunk before ended on an odd run of backslashes: this byte is escaped.
        if (this.escaped) { this.escaped = false; i++; continue; }
        // Jump from quote to quote: one preceded by an odd run of backslashes (since `i`) is escaped.
        const q = buf.indexOf(QUOTE, i);
        if (q < 0) {
          let run = 0;
          for (let k = n - 1; k >= i && buf[k] === BACKSLASH; k--) run++;
          this.escaped = run % 2 === 1;
          i = n;
          break;
        }
        let run = 0;
        for (let k = q - 1; k >= i && buf[k] === BACKSLASH; k--) run++;
        i = q + 1;
        if (run % 2 === 1) continue;
        inString = false;
        if (this.kind === 'string') return this.finish(buf, start, i);
        continue;
      }
      const b = buf[i++];
      if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (--depth === 0) return this.finish(buf, start, i);
      }
    }
    this.depth = depth; this.inString = inString;
    this.more(buf, start);
    return -1;
  }

  /** The value goes on past this chunk: its part here is copied (the chunk's buffer may be reused for the next). */
  private more(buf: Buffer, start: number): void {
    if (this.keep) this.pieces.push(Buffer.from(buf.subarray(start)));
    this.size += buf.length - start;
  }

  private finish(buf: Buffer, start: number, end: number): number {
    this.size += end - start;
    if (!this.keep) return end;
    if (this.pieces.length === 0) { this.last = buf; this.lastStart = start; this.lastEnd = end; }
    else this.pieces.push(buf.subarray(start, end));
    return end;
  }

  /** The captured text, read before the next chunk is fed; the capture is spent afterwards. */
  text(): string {
    if (!this.keep) throw new Error('a skipped value has no text');
    if (this.last) return this.last.toString('utf8', this.lastStart, this.lastEnd);
    return this.pieces.length === 1 ? this.pieces[0].toString('utf8') : Buffer.concat(this.pieces).toString('utf8');
  }
}
