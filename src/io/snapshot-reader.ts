// Reads a snapshot file as a stream, in either form, handing each event to `onEvent` as it is parsed:
//  - JSON: one object; its "events" array is cut into elements, every other key is parsed whole;
//  - JSON Lines (.jsonl/.ndjson): the first line is the snapshot without events, each further line one event.
// Memory stays bounded by the largest single value, never by the number of events.
import { createReadStream } from 'node:fs';
import type { HassEvent, SnapshotHeader } from '../model/ha.js';
import { SnapshotError, validateHeader } from '../model/validate.js';
import { isSpace, ValueCapture } from './json-scanner.js';

export interface ReadResult {
  header: SnapshotHeader;
  /** The file carries an event stream (an "events" key, or the JSON Lines form). */
  eventsPresent: boolean;
  events: number;
}

export type EventSink = (event: HassEvent) => void;
/** Called as soon as the header is known before the events (the JSON Lines form), so they can be read against it. */
export type HeaderSink = (header: SnapshotHeader) => void;

const CHUNK = 1 << 20;

/** Parses one value; the error names where, never what (the input may hold a PIN). */
function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    throw new SnapshotError(`${what} is not valid JSON${at === undefined ? '' : ` (at character ${Number(at) + 1})`}`);
  }
}

function asEvent(v: unknown, n: number): HassEvent {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || typeof (v as HassEvent).event_type !== 'string') {
    throw new SnapshotError(`event #${n + 1} is not an HA event object (event_type, data, time_fired)`);
  }
  return v as HassEvent;
}

export function isJsonLinesPath(path: string): boolean {
  return /\.(jsonl|ndjson)(\.|$)/i.test(path);
}

export async function readSnapshotFile(path: string, onEvent: EventSink, onHeader?: HeaderSink): Promise<ReadResult> {
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  try {
    return isJsonLinesPath(path) ? await readJsonLines(stream, onEvent, onHeader) : await readJson(stream, onEvent);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new SnapshotError(`no such file: ${path}`);
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw new SnapshotError(`${path} is a directory`);
    throw e;
  } finally {
    stream.destroy();
  }
}

export async function readJsonLines(chunks: AsyncIterable<Buffer>, onEvent: EventSink, onHeader?: HeaderSink): Promise<ReadResult> {
  let header: SnapshotHeader | null = null;
  let events = 0;
  let line = 0;
  let rest: Buffer | null = null;
  const handle = (buf: Buffer) => {
    line++;
    let s = 0, e = buf.length;
    while (s < e && isSpace(buf[s])) s++;
    while (e > s && isSpace(buf[e - 1])) e--;
    if (s === e) return;
    const value = parseJson(buf.toString('utf8', s, e), `line ${line}`);
    if (!header) {
      validateHeader(value);
      header = value;
      onHeader?.(value);
    } else {
      onEvent(asEvent(value, events));
      events++;
    }
  };
  for await (const chunk of chunks) {
    let start = 0, nl = chunk.indexOf(10);
    if (rest) {
      // Only the line that spans the chunk boundary is joined, not the whole chunk.
      if (nl < 0) { rest = Buffer.concat([rest, chunk]); continue; }
      handle(Buffer.concat([rest, chunk.subarray(0, nl)]));
      rest = null;
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    while (nl >= 0) {
      handle(chunk.subarray(start, nl));
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    rest = start < chunk.length ? Buffer.from(chunk.subarray(start)) : null;
  }
  if (rest) handle(rest);
  if (!header) throw new SnapshotError('the file is empty: expected the snapshot object on the first line');
  return { header, eventsPresent: true, events };
}

type Phase = 'start' | 'key' | 'colon' | 'value' | 'after-value' | 'events-open' | 'event' | 'after-event' | 'end';

export async function readJson(chunks: AsyncIterable<Buffer>, onEvent: EventSink): Promise<ReadResult> {
  const header: Record<string, unknown> = {};
  let phase: Phase = 'start';
  let key = '';
  let capture: ValueCapture | null = null;
  let events = 0;
  let eventsPresent = false;
  let offset = 0;
  const fail = (msg: string, at: number): never => { throw new SnapshotError(`not a valid snapshot: ${msg} at byte ${at}`); };

  for await (const buf of chunks as AsyncIterable<Buffer>) {
    let i = 0;
    const n = buf.length;
    while (i < n) {
      if (capture) {
        const end = capture.feed(buf, i);
        if (end < 0) { i = n; break; }
        i = end;
        const text = capture.text();
        capture = null;
        if (phase === 'key') { key = parseJson(text, 'a key') as string; phase = 'colon'; }
        else if (phase === 'value') { header[key] = parseJson(text, `"${key}"`); phase = 'after-value'; }
        else if (phase === 'event') { onEvent(asEvent(parseJson(text, `event #${events + 1}`), events)); events++; phase = 'after-event'; }
        continue;
      }
      const b = buf[i];
      if (isSpace(b)) { i++; continue; }
      switch (phase) {
        case 'start':
          if (b !== 0x7b) fail('expected "{"', offset + i);
          phase = 'key'; i++; break;
        case 'key':
          if (b === 0x7d && Object.keys(header).length === 0) { phase = 'end'; i++; break; }
          if (b !== 0x22) fail('expected a key', offset + i);
          capture = new ValueCapture(); break;
        case 'colon':
          if (b !== 0x3a) fail('expected ":"', offset + i);
          i++;
          eventsPresent ||= key === 'events';
          phase = key === 'events' ? 'events-open' : 'value';
          break;
        case 'value':
          capture = new ValueCapture(); break;
        case 'after-value':
          if (b === 0x2c) { phase = 'key'; i++; }
          else if (b === 0x7d) { phase = 'end'; i++; }
          else fail('expected "," or "}"', offset + i);
          break;
        case 'events-open':
          if (b !== 0x5b) fail('"events" must be a list', offset + i);
          phase = 'event'; i++;
          break;
        case 'event':
          if (b === 0x5d) { phase = 'after-value'; i++; break; }
          capture = new ValueCapture(); break;
        case 'after-event':
          if (b === 0x2c) { phase = 'event'; i++; }
          else if (b === 0x5d) { phase = 'after-value'; i++; }
          else fail('expected "," or "]" in "events"', offset + i);
          break;
        case 'end':
          fail('unexpected data after the snapshot object (JSON Lines files must end in .jsonl)', offset + i);
      }
    }
    offset += n;
  }
  if (phase === 'start') throw new SnapshotError('the file is empty');
  if (phase !== 'end' || capture) throw new SnapshotError('the file ends in the middle of the snapshot (truncated?)');
  validateHeader(header);
  return { header, eventsPresent, events };
}
