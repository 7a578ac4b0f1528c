// Every CLI command, one line each.
import type { Command } from '../command.js';
import audit from './audit.js';
import codeCheck from './code-check.js';
import exportCmd from './export.js';
import snapshot from './snapshot.js';

export const COMMANDS: Command[] = [
  audit,
  codeCheck,
  exportCmd,
  snapshot,
];
