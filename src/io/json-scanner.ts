// Finds the end of one JSON value in a byte stream without parsing it, so values can be cut out and
// JSON.parse'd one at a time: a 600 MB snapshot is more than V8's longest string.
const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

export const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Accumulates the bytes of one value across chunks. */
export class ValueCapture {
  private pieces: Buffer[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private kind: 'container' | 'string' | 'primitive' | null = null;

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
      this.pieces.push(buf.subarray(start));
      return -1;
    }
    let depth = this.depth, inString = this.inString, escaped = this.escaped;
    while (i < n) {
      const b = buf[i++];
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) {
          inString = false;
          if (this.kind === 'string') return this.finish(buf, start, i);
        }
      } else if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (--depth === 0) return this.finish(buf, start, i);
      }
    }
    this.depth = depth; this.inString = inString; this.escaped = escaped;
    this.pieces.push(buf.subarray(start));
    return -1;
  }

  private finish(buf: Buffer, start: number, end: number): number {
    this.pieces.push(buf.subarray(start, end));
    return end;
  }

  /** The captured text; the capture is spent afterwards. */
  text(): string {
    return this.pieces.length === 1 ? this.pieces[0].toString('utf8') : Buffer.concat(this.pieces).toString('utf8');
  }
}
