// The access log: day headers, an icon per method, who where known (nothing where not), filters as chips.
import { css, html, nothing } from 'lit';
import {
  mdiAlertCircle, mdiCellphone, mdiDialpad, mdiFingerprint, mdiHandBackRight, mdiKeyVariant, mdiLock, mdiLockAlert,
  mdiLockOpenVariant, mdiNfcVariant, mdiRemote, mdiShieldAlert, mdiTimerLockOutline,
} from '@mdi/js';
import type { AccessEvent, AccessMethod } from '../../../src/model/lock.js';
import { buttonStyles } from '../../shared/button.js';
import { chip, chipGroup, chipStyles } from '../../shared/chip.js';
import { icon } from '../../shared/icon.js';
import { filterTimeline, isFailure, isUnusualHour, people, personOf } from '../timeline.js';
import { holder, lockName, type ViewContext } from './context.js';
import { textStyles } from './text-styles.js';
import { reviewed } from '../changes.js';

export const PERIODS = [1, 7, 30] as const;

export const holderOf = (ctx: Pick<ViewContext, 'shared'>) => (e: AccessEvent) =>
  holder(ctx as ViewContext, e.lock, e.slot);

export function shownEvents(ctx: ViewContext): AccessEvent[] {
  return filterTimeline(ctx.timeline, ctx.filter, holderOf(ctx), ctx.now);
}

/** The icon of an access method; none for a method the lock did not report. */
export function methodIcon(method: AccessMethod): string | null {
  const icons: Record<AccessMethod, string | null> = {
    keypad: mdiDialpad, rf: mdiRemote, manual: mdiHandBackRight, auto: mdiTimerLockOutline, rfid: mdiNfcVariant,
    fingerprint: mdiFingerprint, key: mdiKeyVariant, remote: mdiCellphone, unknown: null,
  };
  return icons[method];
}

/** The event's icon: what went wrong for failures, tamper and jams; else how the lock was operated; else the lock. */
function eventIcon(e: AccessEvent): string {
  if (e.kind === 'tamper') return mdiShieldAlert;
  if (e.kind === 'jam') return mdiLockAlert;
  if (isFailure(e)) return mdiAlertCircle;
  return methodIcon(e.method) ?? (e.kind === 'unlock' ? mdiLockOpenVariant : mdiLock);
}

function row(ctx: ViewContext, e: AccessEvent) {
  const failed = isFailure(e);
  const unusual = isUnusualHour(e, ctx.fmt.hour, ctx.thresholds);
  const who = personOf(e, holderOf(ctx));
  const how = [who, e.method === 'unknown' ? null : ctx.t(`method.${e.method}`), e.slot === null ? null : `${ctx.t('codes.slot')} ${e.slot}`]
    .filter(Boolean).join(' · ');
  return html`<li class="event ${failed ? 'failed' : ''} ${unusual ? 'unusual' : ''}">
    <span class="event-icon">${icon(eventIcon(e))}</span>
    <span class="event-info">
      <span class="what">${ctx.t(`kind.${e.kind}`)} · ${lockName(ctx, e.lock)}</span>
      ${how ? html`<span class="who">${how}</span>` : nothing}
    </span>
    ${failed ? html`<span class="mark mark-failed">${ctx.t('timeline.failed')}</span>` : nothing}
    ${unusual ? html`<span class="mark mark-unusual">${ctx.t('timeline.unusual')}</span>` : nothing}
    <time datetime=${new Date(e.time).toISOString()} title=${ctx.fmt.dateTime(e.time)}>${ctx.fmt.time(e.time)}</time>
  </li>`;
}

/** Events (newest first) in runs of one calendar day each. */
export function byDay(events: AccessEvent[], dayKey: (t: number) => string): { day: string; events: AccessEvent[] }[] {
  const out: { day: string; events: AccessEvent[] }[] = [];
  for (const e of events) {
    const day = dayKey(e.time);
    if (out.at(-1)?.day !== day) out.push({ day, events: [] });
    out.at(-1)!.events.push(e);
  }
  return out;
}

function dayTitle(ctx: ViewContext, day: string, sample: number): string {
  if (day === ctx.fmt.dayKey(ctx.now)) return ctx.t('timeline.today');
  if (day === ctx.fmt.dayKey(ctx.now - 86_400_000)) return ctx.t('timeline.yesterday');
  return ctx.fmt.date(sample);
}

function filters(ctx: ViewContext) {
  const persons = people(ctx.timeline, holderOf(ctx));
  const all = ctx.t('timeline.all');
  return html`<div class="filters">
    ${chipGroup(ctx.t('timeline.period'), PERIODS.filter((d) => d <= ctx.historyDays || d === PERIODS[0]).map((d) =>
      chip({ label: ctx.t(`period.${d}`), pressed: ctx.filter.days === d, onClick: () => ctx.on.filter({ days: d }) })))}
    ${ctx.locks.length > 1
      ? chipGroup(ctx.t('timeline.lock'), [
          chip({ label: all, pressed: !ctx.filter.lock, onClick: () => ctx.on.filter({ lock: null }), cls: 'all' }),
          ...ctx.locks.map((l) => chip({ label: l.name, pressed: ctx.filter.lock === l.entity_id, onClick: () => ctx.on.filter({ lock: l.entity_id }) })),
        ])
      : nothing}
    ${persons.length
      ? chipGroup(ctx.t('timeline.person'), [
          chip({ label: all, pressed: !ctx.filter.person, onClick: () => ctx.on.filter({ person: null }), cls: 'all' }),
          ...persons.map((p) => chip({ label: p, pressed: ctx.filter.person === p, onClick: () => ctx.on.filter({ person: p }) })),
        ])
      : nothing}
  </div>`;
}

/**
 * The shown period and filters as a CSV file (the CLI's audit trail rows): its writer loads on first use, its
 * temporary link goes into the card's shadow root, where the button is.
 */
function downloadCsv(ctx: ViewContext, button: HTMLElement): void {
  const auditor = ctx.auditor;
  const root = button.getRootNode();
  if (auditor && root instanceof ShadowRoot) void import('../csv.js').then(({ downloadTrail }) => downloadTrail(root, auditor, ctx.filter));
}

export function timelineView(ctx: ViewContext) {
  const events = shownEvents(ctx);
  const last = ctx.shared.reviews.reduce<string | null>((m, r) => (m === null || r.time > m ? r.time : m), null);
  return html`
    ${filters(ctx)}
    <div class="actions">
      <button class="btn" ?disabled=${!ctx.admin || ctx.busy} @click=${() => ctx.on.update(() => reviewed(ctx.userName))}>${ctx.t('timeline.mark_reviewed')}</button>
      <button class="btn" ?disabled=${!events.length} @click=${(e: Event) => downloadCsv(ctx, e.currentTarget as HTMLElement)}>${ctx.t('timeline.csv')}</button>
      <span class="muted reviewed">${last ? ctx.t('timeline.last_review', { when: ctx.fmt.relative(last, ctx.now) }) : ctx.t('timeline.never_reviewed')}</span>
    </div>
    <p class="muted count-line" aria-live="polite">${ctx.t('timeline.count', { count: events.length })}</p>
    ${events.length
      ? byDay(events, ctx.fmt.dayKey).map((d) => html`<section class="day" aria-label=${dayTitle(ctx, d.day, d.events[0]!.time)}>
          <h3 class="day-head">${dayTitle(ctx, d.day, d.events[0]!.time)}</h3>
          <ol class="events">${d.events.map((e) => row(ctx, e))}</ol>
        </section>`)
      : html`<p class="empty">${ctx.t('timeline.none')}</p>`}
  `;
}

export const styles = [buttonStyles, textStyles, chipStyles, css`
  /* Timeline */
  .filters { display: flex; flex-direction: column; gap: 6px; margin-bottom: 4px; }
  .chip-group .all { font-weight: 500; }
  .day-head { font-size: 0.875em; color: var(--ls-muted); margin: 14px 0 4px; text-transform: uppercase; letter-spacing: 0.04em; }
  .events li { display: flex; align-items: center; gap: 12px; padding: 6px 0; border-top: 1px solid var(--ls-divider); }
  .events li:first-child { border-top: 0; }
  .event-icon { width: 32px; height: 32px; border-radius: 50%; display: flex; align-items: center; justify-content: center; flex: none;
    color: var(--ls-muted); background: var(--ls-track); }
  .event-icon .icon { width: 18px; height: 18px; }
  .events .failed .event-icon { color: var(--ls-error); background: color-mix(in srgb, var(--ls-error) 16%, transparent); }
  .event-info { display: flex; flex-direction: column; flex: 1; min-width: 0; }
  .event-info .who { color: var(--ls-muted); font-size: 0.875em; }
  .events time { font-variant-numeric: tabular-nums; color: var(--ls-muted); font-size: 0.875em; flex: none; }
  .mark { font-size: 0.75em; border-radius: 8px; padding: 1px 6px; flex: none;
    background: color-mix(in srgb, var(--ls-tone) 18%, transparent); --ls-tone: var(--ls-warning); }
  .mark-failed { --ls-tone: var(--ls-error); }
  .count-line { font-size: 0.875em; }
`];
