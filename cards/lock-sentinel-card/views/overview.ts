// The first screen: is anything wrong right now, the score, every lock as a tile.
import { html, nothing } from 'lit';
import { mdiAlertOctagon, mdiAlert, mdiArrowUpBoldCircle, mdiShieldCheck } from '@mdi/js';
import type { LockSummary } from '../../../src/engine.js';
import { bar } from '../../shared/bar.js';
import { gauge } from '../../shared/gauge.js';
import { icon } from '../../shared/icon.js';
import { badge, tile } from '../../shared/tile.js';
import { batteryLook, formatVersion, lockLook } from '../present.js';
import { alertGroups } from './alert-groups.js';
import { holder, type ViewContext } from './context.js';

/** "Unlocked · Cleaner · keypad · 10 minutes ago": only what is known. */
function lastAccess(ctx: ViewContext, lock: LockSummary): string | null {
  const a = lock.last_access;
  if (!a) return null;
  const who = a.holder ?? holder(ctx, lock.entity_id, a.slot);
  // "Unlocked · Unlocked · 2 hours ago" says it twice: the kind goes when it is the state the lock is in.
  const kind = ctx.t(`kind.${a.kind}`);
  return [kind === ctx.t(`state.${lock.state}`) ? null : kind, who, a.method !== 'unknown' ? ctx.t(`method.${a.method}`) : null, ctx.fmt.relative(a.time, ctx.now)]
    .filter(Boolean).join(' · ');
}

function lockTile(ctx: ViewContext, lock: LockSummary) {
  const look = lockLook(lock.state);
  const access = lastAccess(ctx, lock);
  const badges = [];
  if (lock.battery !== null) {
    const b = batteryLook(lock.battery, ctx.lowBattery);
    badges.push(badge(b.path, `${lock.battery} %`, b.cls));
  }
  if (lock.firmware?.update_available) {
    badges.push(badge(mdiArrowUpBoldCircle, lock.firmware.latest ? formatVersion(lock.protocol, lock.firmware.latest) : ctx.t('firmware.available'), 'update'));
  }
  return tile({
    entity: lock.entity_id, iconPath: look.path, tone: look.tone, primary: lock.name,
    secondary: [ctx.t(`state.${lock.state}`), access].filter(Boolean).join(' · '),
    badges, onClick: () => ctx.on.moreInfo(lock.entity_id),
  });
}

/** One line that answers "is anything wrong right now?", with the way to the alerts. */
export function statusBanner(ctx: ViewContext) {
  const open = alertGroups(ctx).filter((g) => g.open > 0);
  if (!open.length) {
    return html`<div class="status ok" role="status">${icon(mdiShieldCheck)}<span>${ctx.t('status.all_clear')}</span></div>`;
  }
  const critical = open.some((g) => g.severity === 'critical');
  const count = open.reduce((n, g) => n + g.open, 0);
  const top = open.slice(0, 2).map((g) => `${ctx.t(`finding.${g.id}`)}${g.lockName ? ` · ${g.lockName}` : ''}`);
  return html`<button type="button" class="status ${critical ? 'critical' : 'warning'}" @click=${() => ctx.on.show('alerts')}>
    ${icon(critical ? mdiAlertOctagon : mdiAlert)}
    <span class="status-text"><strong>${ctx.t('alerts.open', { count })}</strong><span>${top.join(', ')}${open.length > 2 ? ', …' : ''}</span></span>
  </button>`;
}

export function scoreSummary(ctx: ViewContext) {
  const { score } = ctx.report;
  return html`<section class="summary">
    ${gauge(score.total, score.grade, ctx.t('score.label', { grade: score.grade, total: score.total }))}
    <div class="pillars">${score.pillars.map((p) => bar(ctx.t(`pillar.${p.pillar}`), p.score, ctx.t('status.no_data')))}</div>
  </section>`;
}

export function overviewView(ctx: ViewContext) {
  return html`
    ${statusBanner(ctx)}
    ${scoreSummary(ctx)}
    ${ctx.report.locks.length === 0 ? html`<p class="empty">${ctx.t('overview.no_locks')}</p>` : nothing}
    <ul class="locks" aria-label=${ctx.t('overview.locks')}>
      ${ctx.report.locks.map((lock) => html`<li class="lock">${lockTile(ctx, lock)}</li>`)}
    </ul>
  `;
}
