// Every CLI command, one line each.
import type { Command } from '../command.js';
import audit from './audit.js';
import codeCheck from './code-check.js';
import exportCmd from './export.js';
import snapshot from './snapshot.js';
import generate from './generate.js';
import install from './install.js';
import uninstall from './uninstall.js';
import blueprints from './blueprints.js';
import setCode from './set-code.js';
import clearCode from './clear-code.js';

export const COMMANDS: Command[] = [
  audit,
  codeCheck,
  exportCmd,
  snapshot,
  generate,
  install,
  uninstall,
  blueprints,
  setCode,
  clearCode,
];
