// The report's words: each check's title, evidence and fix (score/check-texts.ts), the findings' evidence
// (rules/evidence.ts) and fixes (rules/fixes.ts). The CLI's engine always has them; the card loads them with the views that show them.
import type { AuditWords } from './auditor.js';
import { evidenceOf } from './rules/evidence.js';
import { FIXES } from './rules/fixes.js';
import { describeCheck } from './score/check-texts.js';

export const WORDS: AuditWords = { describe: describeCheck, fixes: FIXES, evidence: evidenceOf };
