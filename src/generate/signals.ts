// The generator's view of the protocols: each signal's triggers and Jinja tests, gathered from the protocol modules
// (adapters/index.ts) of the subject's lock. Triggers are broad (event type, device); the test narrows them, so the
// same test serves `trigger` and `wait.trigger`.
import { actionsOf } from '../adapters/actions.js';
import { protocol, STATE_PROTOCOL } from '../adapters/index.js';
import type { ProtocolActions, Signal, SignalEnv } from '../adapters/protocol.js';
import type { ConfigMap, Subject } from './types.js';

export type { Signal };

/** The actions of the subject's protocols, each once; the lock-state module's (every lock's states and problem sensors) last. */
function protocolsOf(s: Subject): ProtocolActions[] {
  const own = [...new Set(s.protocols.map(protocol))].filter((p) => p !== STATE_PROTOCOL);
  return [...own, STATE_PROTOCOL].map((p) => actionsOf(p.id));
}

function env(s: Subject): SignalEnv {
  const reporters = protocolsOf(s).slice(0, -1).map((p) => p.reportsUnlocks?.(s) ?? null);
  return {
    unlockReporters: reporters.filter((r): r is string => r !== null),
    unlocksReported: reporters.length > 0 && reporters.every((r) => r !== null),
  };
}

/** Whether any trigger exists for the signal on this subject. */
export function supports(s: Subject, signal: Signal): boolean {
  return triggers(s, signal).length > 0;
}

export function triggers(s: Subject, signal: Signal): ConfigMap[] {
  const e = env(s);
  return protocolsOf(s).flatMap((p) => p.signals[signal]?.triggers(s, e) ?? []);
}

/** A Jinja boolean: the trigger variable `t` carries `signal` from this subject's lock. */
export function test(s: Subject, signal: Signal, t: string): string {
  const e = env(s);
  const parts = protocolsOf(s).map((p) => p.signals[signal]?.test(s, t, e) ?? null).filter((x): x is string => x !== null);
  return parts.length ? parts.map((p) => `(${p})`).join(' or ') : 'false';
}

/** Jinja for `method` and `slot` variables read from the trigger variable `t` (every protocol's reading). */
export function describe(t: string, s: Subject): { method: string; slot: string } {
  const ds = protocolsOf(s).flatMap((p) => (p.describe ? [p.describe(t)] : []));
  const chain = (pick: (d: (typeof ds)[number]) => string, otherwise: string) =>
    ds.map((d, i) => `{% ${i ? 'elif' : 'if'} ${d.when} %}{{ ${pick(d)} }}`).join('') + `{% else %}${otherwise}{% endif %}`;
  return { method: chain((d) => d.method, 'sensor'), slot: chain((d) => d.slot, '{{ none }}') };
}
