import { html, nothing } from 'lit';
import type { AccessEvent } from '../../../src/model/lock.js';
import { filterTimeline, isFailure, isUnusualHour, people, personOf } from '../timeline.js';
import { holder, lockName, type ViewContext } from './context.js';

export const PERIODS = [1, 7, 30] as const;

export const holderOf = (ctx: Pick<ViewContext, 'shared'>) => (e: AccessEvent) =>
  holder(ctx as ViewContext, e.lock, e.slot);

export function shownEvents(ctx: ViewContext): AccessEvent[] {
  return filterTimeline(ctx.timeline, ctx.filter, holderOf(ctx), ctx.now);
}

function row(ctx: ViewContext, e: AccessEvent) {
  const failed = isFailure(e);
  const unusual = isUnusualHour(e, ctx.fmt.hour, ctx.thresholds);
  const who = personOf(e, holderOf(ctx)) ?? ctx.t('who.unknown');
  return html`<li class="event ${failed ? 'failed' : ''} ${unusual ? 'unusual' : ''}">
    <time datetime=${new Date(e.time).toISOString()}>${ctx.fmt.dateTime(e.time)}</time>
    <span class="what">${ctx.t(`kind.${e.kind}`)} · ${lockName(ctx, e.lock)}</span>
    <span class="who">${who} · ${ctx.t(`method.${e.method}`)}${e.slot === null ? '' : ` · ${ctx.t('codes.slot')} ${e.slot}`}</span>
    ${failed ? html`<span class="chip mark-failed">${ctx.t('timeline.failed')}</span>` : nothing}
    ${unusual ? html`<span class="chip mark-unusual">${ctx.t('timeline.unusual')}</span>` : nothing}
  </li>`;
}

export function timelineView(ctx: ViewContext) {
  const events = shownEvents(ctx);
  const persons = people(ctx.timeline, holderOf(ctx));
  const last = ctx.shared.reviews.reduce<string | null>((m, r) => (m === null || r.time > m ? r.time : m), null);
  const value = (e: Event) => (e.target as HTMLSelectElement).value;
  return html`
    <div class="filters" role="group" aria-label=${ctx.t('timeline.filters')}>
      <label>${ctx.t('timeline.period')}
        <select @change=${(e: Event) => ctx.on.filter({ days: Number(value(e)) })}>
          ${PERIODS.filter((d) => d <= ctx.historyDays || d === PERIODS[0]).map(
            (d) => html`<option value=${d} ?selected=${ctx.filter.days === d}>${ctx.t(`period.${d}`)}</option>`,
          )}
        </select>
      </label>
      <label>${ctx.t('timeline.lock')}
        <select @change=${(e: Event) => ctx.on.filter({ lock: value(e) || null })}>
          <option value="" ?selected=${!ctx.filter.lock}>${ctx.t('timeline.all')}</option>
          ${ctx.locks.map((l) => html`<option value=${l.entity_id} ?selected=${ctx.filter.lock === l.entity_id}>${l.name}</option>`)}
        </select>
      </label>
      <label>${ctx.t('timeline.person')}
        <select @change=${(e: Event) => ctx.on.filter({ person: value(e) || null })}>
          <option value="" ?selected=${!ctx.filter.person}>${ctx.t('timeline.all')}</option>
          ${persons.map((p) => html`<option value=${p} ?selected=${ctx.filter.person === p}>${p}</option>`)}
        </select>
      </label>
    </div>
    <div class="actions">
      <button class="btn" ?disabled=${!ctx.admin || ctx.busy} @click=${() => ctx.on.markReviewed()}>${ctx.t('timeline.mark_reviewed')}</button>
      <button class="btn" ?disabled=${!events.length} @click=${() => ctx.on.downloadCsv()}>${ctx.t('timeline.csv')}</button>
      <span class="muted reviewed">${last ? ctx.t('timeline.last_review', { when: ctx.fmt.relative(last, ctx.now) }) : ctx.t('timeline.never_reviewed')}</span>
    </div>
    <p class="muted" aria-live="polite">${ctx.t('timeline.count', { count: events.length })}</p>
    ${events.length ? html`<ol class="events">${events.map((e) => row(ctx, e))}</ol>` : html`<p class="empty">${ctx.t('timeline.none')}</p>`}
  `;
}
