// Every file Lock Sentinel writes goes through here: one-line errors for the user (a missing or wrong directory,
// a full disk, no permission), never a hang (Node's recursive mkdir loops forever under /proc) and never raw errno text.
import { closeSync, fchmodSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, parse, resolve, sep } from 'node:path';

/** A file could not be read or written; the message is one line for the user. */
export class IoError extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'it already exists and is not a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EFBIG: 'file too large',
  ENAMETOOLONG: 'file name too long',
  EINVAL: 'invalid path',
  EIO: 'input/output error',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EBADF: 'not writable',
};

export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) || (code ? `system error ${code}` : 'unexpected error');
}

/** Creates `dir` and its parents one level at a time. */
export function ensureDir(dir: string): void {
  const abs = resolve(dir);
  const { root } = parse(abs);
  let at = root;
  for (const part of abs.slice(root.length).split(sep).filter(Boolean)) {
    at = at === root ? root + part : at + sep + part;
    let isDir: boolean;
    try {
      isDir = statSync(at).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new IoError(`cannot create directory ${dir}: ${reason(e)}`);
      try {
        mkdirSync(at);
      } catch (e2) {
        throw new IoError(`cannot create directory ${dir}: ${reason(e2)}`);
      }
      continue;
    }
    if (!isDir) throw new IoError(`cannot create directory ${dir}: ${at} is a file`);
  }
}

/** A file being written in pieces (an export streams its rows); `mode` also applies when the file existed. */
export class OutputFile {
  private fd: number;

  constructor(readonly path: string, mode = 0o644) {
    try {
      const parent = statSync(dirname(resolve(path)));
      if (!parent.isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    } catch (e) {
      throw new IoError(`cannot write ${path}: the directory ${dirname(path)} ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not usable'} (${reason(e)})`);
    }
    try {
      this.fd = openSync(path, 'w', mode);
      fchmodSync(this.fd, mode);
    } catch (e) {
      throw new IoError(`cannot write ${path}: ${reason(e)}`);
    }
  }

  write(text: string): void {
    const buf = Buffer.from(text, 'utf8');
    try {
      for (let off = 0; off < buf.length;) off += writeSync(this.fd, buf, off);
    } catch (e) {
      this.close();
      throw new IoError(`cannot write ${this.path}: ${reason(e)}`);
    }
  }

  close(): void {
    if (this.fd < 0) return;
    try { closeSync(this.fd); } catch { /* already reported */ }
    this.fd = -1;
  }
}

/** Writes a whole file; snapshots and anything else that may hold a code use mode 0600. */
export function writeOutput(path: string, text: string, mode = 0o644): void {
  const f = new OutputFile(path, mode);
  f.write(text);
  f.close();
}
