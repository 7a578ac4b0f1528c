// The human-readable audit report (the CLI's default output).
import type { AuditReport, LockSummary } from '../auditor.js';
import type { Check, Finding, Pillar } from '../model/finding.js';
import { protocol } from '../adapters/index.js';
import type { TimeZone } from '../time/zone.js';
import { printable } from '../privacy/escape.js';

const PILLAR_TITLES: Record<Pillar, string> = { codes: 'Access codes', audits: 'Regular audits', hardening: 'Technical hardening' };
const STATUS_MARK: Record<Check['status'], string> = { pass: 'pass', warn: 'warn', fail: 'FAIL', unknown: '  ? ' };

function lockLine(l: LockSummary, tz: TimeZone): string {
  const parts = [`${l.name} (${l.entity_id}, ${protocol(l.protocol).title}): ${l.state}`];
  parts.push(l.battery === null ? 'battery unknown' : `battery ${l.battery}%`);
  if (l.firmware) parts.push(l.firmware.update_available ? `firmware ${l.firmware.installed ?? '?'} → ${l.firmware.latest ?? '?'} available` : `firmware ${l.firmware.installed ?? '?'}`);
  const a = l.last_access;
  if (a) {
    const slot = a.slot !== null ? ` slot ${a.slot}` : '';
    parts.push(`last ${a.success ? a.kind : `failed ${a.kind}`} ${tz.format(Date.parse(a.time))} by ${a.method}${slot}${a.holder ? ` (${a.holder})` : ''}`);
  }
  return `  ${parts.join(' · ')}`;
}

function findingLines(f: Finding, tz: TimeZone): string[] {
  const when = f.time ? `  ${tz.format(Date.parse(f.time))}` : '';
  return [`  ${f.severity.toUpperCase().padEnd(8)} ${f.id}${f.entity_id ? `  ${f.entity_id}` : ''}${when}`, `           ${f.evidence}`, `           Fix: ${f.fix}`];
}

export function formatReport(r: AuditReport, tz: TimeZone, title: string): string {
  const out: string[] = [];
  out.push(`Lock Sentinel: ${title} (times in ${tz.name})`, '');
  out.push(`Security score ${r.score.total}/100, grade ${r.score.grade}`);
  for (const p of r.score.pillars) {
    const s = p.score === null ? 'unknown' : `${p.score.toFixed(0)}/100`;
    out.push(`  ${PILLAR_TITLES[p.pillar].padEnd(20)} ${String(p.weight).padStart(2)}%  ${s.padEnd(8)} (${p.known} checks known, ${p.unknown} unknown)`);
  }
  out.push('', `Locks (${r.locks.length})`);
  for (const l of r.locks) out.push(lockLine(l, tz));
  const count = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
  out.push('', `Findings (${r.findings.length}: ${count('critical')} critical, ${count('warning')} warning, ${count('info')} info)`);
  for (const f of r.findings) out.push(...findingLines(f, tz));
  out.push('', 'Checks');
  for (const pillar of Object.keys(PILLAR_TITLES) as Pillar[]) {
    out.push(`  ${PILLAR_TITLES[pillar]}`);
    for (const c of r.checks.filter((x) => x.pillar === pillar)) {
      out.push(`    [${STATUS_MARK[c.status]}] ${c.title}${c.self_reported ? ' (self-reported)' : ''}: ${c.status === 'pass' || c.status === 'unknown' ? c.evidence : c.fix}`);
    }
  }
  // Names and labels from the house are shown literally: a newline or an escape sequence in them cannot forge a line.
  return out.map(printable).join('\n') + '\n';
}
