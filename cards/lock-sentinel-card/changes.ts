// What the views change in the shared data (code registry, acknowledged alerts, review marks, checklist answers), as
// pure changes the card stores (AuditSession.updateShared). Pure; loaded with the views that make them, not at startup.
import type { SharedData } from '../../src/ha/shared-store.js';
import type { CodeRole } from '../../src/model/ha.js';
import type { Translate } from './i18n.js';

export type Change = (d: SharedData) => SharedData;

/** The alert groups' keys acknowledged. */
export const acknowledged = (keys: string[]): Change => (d) => ({ ...d, acknowledged: [...new Set([...d.acknowledged, ...keys])] });

/** A slot's registry record, new or changed (its date added kept); a bad slot or no name refuses, in words. */
export const slotSaved = (t: Translate, lock: string, slot: number, name: string, role: CodeRole, expires: string | null): Change => {
  if (!Number.isInteger(slot) || slot < 1 || slot > 254) throw new Error(t('codes.bad_slot'));
  if (!name) throw new Error(t('codes.bad_name'));
  return (d) => {
    const old = d.code_registry.find((e) => e.lock === lock && e.slot === slot);
    const entry = { lock, slot, name, role, added: old?.added ?? new Date().toISOString(), expires: expires ? new Date(`${expires}T23:59:59`).toISOString() : null };
    return { ...d, code_registry: [...d.code_registry.filter((e) => e !== old), entry] };
  };
};

/** The access log marked reviewed now, by `user`. */
export const reviewed = (user: string | null): Change => (d) => ({ ...d, reviews: [...d.reviews, { time: new Date().toISOString(), user }] });

/** A self-reported item answered (null: the answer taken back). */
export const answered = (item: string, value: boolean | null): Change => (d) => {
  const checklist = { ...d.checklist };
  if (value === null) delete checklist[item];
  else checklist[item] = value;
  return { ...d, checklist };
};
