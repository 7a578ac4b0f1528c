import { html, nothing } from 'lit';
import type { LockSummary } from '../../../src/engine.js';
import { holder, type ViewContext } from './context.js';

function lastAccess(ctx: ViewContext, lock: LockSummary) {
  const a = lock.last_access;
  if (!a) return html`<span class="muted">${ctx.t('overview.no_access')}</span>`;
  // Only what is known: who and how are left out rather than shown as "unknown".
  const who = a.holder ?? holder(ctx, lock.entity_id, a.slot);
  const parts = [ctx.t(`kind.${a.kind}`), ...(who ? [who] : []), ...(a.method !== 'unknown' ? [ctx.t(`method.${a.method}`)] : [])];
  return html`<span title=${ctx.fmt.dateTime(a.time)}
    >${parts.join(' · ')} · <time datetime=${a.time}>${ctx.fmt.relative(a.time, ctx.now)}</time></span
  >`;
}

function firmware(ctx: ViewContext, lock: LockSummary) {
  if (!lock.firmware) return ctx.t('status.unknown');
  return lock.firmware.update_available
    ? ctx.t('firmware.update', { version: lock.firmware.latest ?? '?' })
    : ctx.t('firmware.current', { version: lock.firmware.installed ?? '?' });
}

export function scoreBadge(ctx: ViewContext) {
  const { score } = ctx.report;
  return html`<div class="score" role="img" aria-label=${ctx.t('score.label', { grade: score.grade, total: score.total })}>
    <span class="grade grade-${score.grade}">${score.grade}</span><span class="total">${score.total}<small>/100</small></span>
  </div>`;
}

export function overviewView(ctx: ViewContext) {
  const { report } = ctx;
  return html`
    <section class="summary">
      ${scoreBadge(ctx)}
      <ul class="pillars">
        ${report.score.pillars.map(
          (p) => html`<li>
            <span>${ctx.t(`pillar.${p.pillar}`)}</span>
            <meter min="0" max="100" .value=${p.score ?? 0} aria-label=${ctx.t(`pillar.${p.pillar}`)}></meter>
            <span class="num">${p.score === null ? ctx.t('status.unknown') : Math.round(p.score)}</span>
          </li>`,
        )}
      </ul>
    </section>
    ${report.locks.length === 0 ? html`<p class="empty">${ctx.t('overview.no_locks')}</p>` : nothing}
    <ul class="locks">
      ${report.locks.map(
        (lock) => html`<li class="lock" data-entity=${lock.entity_id}>
          <div class="lock-head">
            <span class="name">${lock.name}</span>
            <span class="chip state-${lock.state}">${ctx.t(`state.${lock.state}`)}</span>
          </div>
          <dl class="facts">
            <div><dt>${ctx.t('overview.battery')}</dt><dd>${lock.battery === null ? ctx.t('status.unknown') : `${lock.battery} %`}</dd></div>
            <div><dt>${ctx.t('overview.firmware')}</dt><dd>${firmware(ctx, lock)}</dd></div>
            <div><dt>${ctx.t('overview.protocol')}</dt><dd>${ctx.t(`protocol.${lock.protocol}`)}</dd></div>
            <div class="wide"><dt>${ctx.t('overview.last_access')}</dt><dd>${lastAccess(ctx, lock)}</dd></div>
          </dl>
        </li>`,
      )}
    </ul>
  `;
}
