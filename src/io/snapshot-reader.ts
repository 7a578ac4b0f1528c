// Reads a snapshot file as a stream, in either form, handing each event to `onEvent` as it is parsed:
//  - JSON: one object; its "events" array is cut into elements, every other key is parsed whole;
//  - JSON Lines (.jsonl/.ndjson): the first line is the snapshot without events, each further line one event.
// Memory stays bounded by the largest single value, never by the number of events.
import { open } from 'node:fs/promises';
import { constants } from 'node:buffer';
import type { HassEvent, SnapshotHeader } from '../model/ha.js';
import { SnapshotError, validateEvent, validateHeader } from '../model/validate.js';
import { validateAdminData } from '../model/validate-admin.js';
import { isSpace, ValueCapture } from './json-scanner.js';
import { reason } from './files.js';

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
  validateEvent(v, n);
  return v;
}

/** The longest value that can be read: V8's string limit (in UTF-8 bytes at most this many characters). */
export const MAX_VALUE_BYTES = constants.MAX_STRING_LENGTH;
export const tooLong = (what: string) =>
  new SnapshotError(`${what} is longer than ${Math.floor(MAX_VALUE_BYTES / 2 ** 20)} MB, more than one value can be: split the events into JSON Lines`);

/**
 * The file's bytes, read into one buffer that is reused for every chunk: reading allocates nothing per chunk, so a
 * gigabyte read leaves no trail of freed megabyte buffers in the allocator (they fragmented the process's memory and
 * raised its peak by tens of MB). A consumer copies whatever it keeps past the chunk it was handed.
 */
async function* fileChunks(path: string): AsyncIterable<Buffer> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafeSlow(CHUNK);
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

/** Skips a UTF-8 byte order mark at the very start of a file. */
async function* withoutBom(chunks: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let first = true;
  for await (const c of chunks) {
    if (first && c.length >= 3 && c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf) yield c.subarray(3);
    else yield c;
    first = false;
  }
}

/** Snapshot keys; a value of any other key is named by position only in errors (the key is input). */
const KNOWN_KEYS = new Set(['version', 'captured_at', 'config', 'states', 'entity_registry', 'device_registry', 'usercodes', 'usercode_slots',
  'code_registry', 'users', 'current_user', 'automations', 'reviews', 'checklist', 'events']);

export function isJsonLinesPath(path: string): boolean {
  return /\.(jsonl|ndjson)(\.|$)/i.test(path);
}

/**
 * A JSON snapshot's header is known only at its end, and events read before it wait in memory (as the store's compact
 * records). With `onHeader`, after this many events the rest are only scanned; the header is then handed over and
 * the file read a second time for the events from there on, so a million events never wait.
 */
export const EVENTS_BEFORE_HEADER = 50_000;

export async function readSnapshotFile(path: string, onEvent: EventSink, onHeader?: HeaderSink): Promise<ReadResult> {
  const chunks = () => withoutBom(fileChunks(path));
  try {
    if (isJsonLinesPath(path)) return await readJsonLines(chunks(), onEvent, onHeader);
    const first = await readJson(chunks(), onEvent, onHeader ? { deferFrom: EVENTS_BEFORE_HEADER } : {});
    if (first.deferredFrom === undefined || !onHeader) return first;
    onHeader(first.header);
    const rest = await readJson(chunks(), onEvent, { eventsFrom: first.deferredFrom });
    return { header: first.header, eventsPresent: first.eventsPresent, events: rest.events };
  } catch (e) {
    if (e instanceof SnapshotError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SnapshotError(`no such file: ${path}`);
    if (code === 'EISDIR') throw new SnapshotError(`${path} is a directory`);
    if (code === 'ERR_STRING_TOO_LONG') throw tooLong('a value');
    if (code) throw new SnapshotError(`cannot read ${path}: ${reason(e)}`);
    throw e;
  }
}

export async function readJsonLines(chunks: AsyncIterable<Buffer>, onEvent: EventSink, onHeader?: HeaderSink): Promise<ReadResult> {
  let header: SnapshotHeader | null = null;
  let events = 0;
  let line = 0;
  const emit = (v: unknown) => { onEvent(asEvent(v, events)); events++; };
  const handle = (buf: Buffer) => {
    line++;
    let s = 0, e = buf.length;
    while (s < e && isSpace(buf[s])) s++;
    while (e > s && isSpace(buf[e - 1])) e--;
    if (s === e) return;
    const value = parseJson(buf.toString('utf8', s, e), `line ${line}`);
    if (!header) {
      // A whole JSON snapshot on the first line: its events are read too, never silently dropped.
      const inline = (value as { events?: unknown })?.events;
      if (value && typeof value === 'object') delete (value as { events?: unknown }).events;
      validateHeader(value, validateAdminData);
      header = value;
      onHeader?.(value);
      if (inline !== undefined) {
        if (!Array.isArray(inline)) throw new SnapshotError('snapshot "events" must be a list');
        for (const ev of inline) emit(ev);
      }
    } else {
      emit(value);
    }
  };
  // The line that spans chunks is kept as pieces (copies) and joined once: reading stays linear in the input.
  let pieces: Buffer[] = [];
  let pending = 0;
  for await (const chunk of chunks) {
    let start = 0;
    let nl = chunk.indexOf(10);
    while (nl >= 0) {
      if (pending) {
        if (pending + nl > MAX_VALUE_BYTES) throw tooLong(`line ${line + 1}`);
        pieces.push(chunk.subarray(0, nl));
        handle(Buffer.concat(pieces, pending + nl));
        pieces = [];
        pending = 0;
      } else {
        handle(chunk.subarray(start, nl));
      }
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    if (start < chunk.length) {
      pending += chunk.length - start;
      if (pending > MAX_VALUE_BYTES) throw tooLong(`line ${line + 1}`);
      // A copy: the chunk's buffer may be reused for the next one.
      pieces.push(Buffer.from(chunk.subarray(start)));
    }
  }
  if (pending) handle(Buffer.concat(pieces, pending));
  if (!header) throw new SnapshotError('the file is empty: expected the snapshot object on the first line');
  return { header, eventsPresent: true, events };
}

type Phase = 'start' | 'key' | 'colon' | 'value' | 'after-value' | 'events-open' | 'event' | 'after-event' | 'end';

export interface JsonPass {
  /** Events from this index on are only scanned, not parsed; the result says where (`deferredFrom`). */
  deferFrom?: number;
  /** A second pass: only events from this index on are parsed and handed over (the header was read already). */
  eventsFrom?: number;
}

export async function readJson(chunks: AsyncIterable<Buffer>, onEvent: EventSink, pass: JsonPass = {}): Promise<ReadResult & { deferredFrom?: number }> {
  const deferFrom = pass.deferFrom ?? Infinity, eventsFrom = pass.eventsFrom ?? 0;
  const second = pass.eventsFrom !== undefined;
  let deferredFrom: number | undefined;
  const header: Record<string, unknown> = {};
  const keys = new Set<string>();
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
        if (end < 0) {
          if (capture.size > MAX_VALUE_BYTES) throw tooLong(phase === 'event' ? `event #${events + 1}` : 'a value');
          i = n;
          break;
        }
        i = end;
        const done = capture;
        capture = null;
        if (phase === 'key') {
          key = parseJson(done.text(), 'a key') as string;
          // A key given twice cannot be meant: JSON readers differ on which one counts (a second "events" list
          // was read on top of the first here, while JSON.parse keeps only the last).
          if (keys.has(key)) throw new SnapshotError(`not a valid snapshot: ${KNOWN_KEYS.has(key) ? `the key "${key}"` : 'a key'} appears twice`);
          keys.add(key);
          phase = 'colon';
        }
        else if (phase === 'value') { if (!second) header[key] = parseJson(done.text(), KNOWN_KEYS.has(key) ? `"${key}"` : 'a value'); phase = 'after-value'; }
        else if (phase === 'event') {
          if (events >= deferFrom) deferredFrom ??= events;
          else if (events >= eventsFrom) onEvent(asEvent(parseJson(done.text(), `event #${events + 1}`), events));
          events++;
          phase = 'after-event';
        }
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
          capture = new ValueCapture(!second); break;
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
          // An event this pass does not parse is only scanned to its end: no bytes kept, no text made.
          capture = new ValueCapture(events >= eventsFrom && events < deferFrom); break;
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
  // The second pass reads no header (its caller has the first pass's).
  if (!second) validateHeader(header, validateAdminData);
  return { header: header as unknown as SnapshotHeader, eventsPresent, events, ...(deferredFrom === undefined ? {} : { deferredFrom }) };
}
