// The snapshot as the engine shows it: every text that comes from the house (names, states, attributes, labels,
// user names, the locks' own names of their code slots) with in-use codes masked. Codes themselves (usercodes) and
// the automations (only searched, never shown) stay as read; entity ids stay as they are, since events refer to them.
import type { HassState, SnapshotHeader } from '../model/ha.js';
import { maskDeep, type Masker } from './mask.js';

const maskState = (s: HassState, m: Masker): HassState => ({
  ...s, state: m.text(String(s.state)), attributes: maskDeep(s.attributes ?? {}, m),
});

export function maskStates(states: HassState[], m: Masker): HassState[] {
  return m.empty ? states : states.map((s) => maskState(s, m));
}

/** The locks' names of their slots' users (Matter's user_name) masked; the codes stay as read. */
function maskSlotNames(usercodes: NonNullable<SnapshotHeader['usercodes']>, m: Masker): SnapshotHeader['usercodes'] {
  return Object.fromEntries(Object.entries(usercodes).map(([lock, slots]) => [lock, Object.fromEntries(Object.entries(slots ?? {}).map(
    ([slot, v]) => [slot, typeof v?.name === 'string' ? { ...v, name: m.text(v.name) } : v]))]));
}

export function maskedHeader(h: SnapshotHeader, m: Masker): SnapshotHeader {
  if (m.empty) return h;
  const t = (v: string | null | undefined) => (typeof v === 'string' ? m.text(v) : v);
  return {
    ...h,
    config: { ...h.config, ...(typeof h.config.location_name === 'string' ? { location_name: m.text(h.config.location_name) } : {}) },
    states: maskStates(h.states, m),
    entity_registry: h.entity_registry?.map((e) => ({ ...e, name: t(e.name), original_name: t(e.original_name) })),
    device_registry: h.device_registry?.map((d) => ({
      ...d, name: t(d.name) ?? null, name_by_user: t(d.name_by_user), manufacturer: t(d.manufacturer), model: t(d.model), sw_version: t(d.sw_version),
    })),
    code_registry: h.code_registry?.map((e) => ({ ...e, name: m.text(e.name) })),
    users: h.users?.map((u) => ({ ...u, name: t(u.name) ?? null, username: t(u.username) })),
    current_user: h.current_user && { ...h.current_user, name: t(h.current_user.name) ?? null },
    reviews: h.reviews?.map((r) => ({ ...r, user: t(r.user) })),
    usercodes: h.usercodes && maskSlotNames(h.usercodes, m),
  };
}
