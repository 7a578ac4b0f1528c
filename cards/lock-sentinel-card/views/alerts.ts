// Alerts grouped by lock and kind, severity as colour and icon, evidence and fix one tap away, acknowledged per group.
import { css, html, nothing } from 'lit';
import { mdiAlert, mdiAlertOctagon, mdiInformation } from '@mdi/js';
import type { Severity } from '../../../src/model/finding.js';
import { buttonStyles } from '../../shared/button.js';
import { icon } from '../../shared/icon.js';
import { alertGroups, type AlertGroup } from './alert-groups.js';
import type { ViewContext } from './context.js';
import { textStyles } from './text-styles.js';
import { acknowledged } from '../changes.js';

const SEVERITY_ICON: Record<Severity, string> = { critical: mdiAlertOctagon, warning: mdiAlert, info: mdiInformation };

/** Notify services an alert can also go to (phones), besides HA's own persistent notification. */
export function notifyTargets(services: readonly string[]): string[] {
  return services.filter((s) => s !== 'persistent_notification' && s !== 'send_message').map((s) => `notify.${s}`).sort();
}

/** The chosen services with `target` in (`on`) or out. */
function choose(chosen: ReadonlySet<string>, target: string, on: boolean): ReadonlySet<string> {
  const next = new Set(chosen);
  if (on) next.add(target);
  else next.delete(target);
  return next;
}

function installSection(ctx: ViewContext) {
  if (!ctx.canInstall) return nothing;
  const missing = ctx.report.findings.some((f) => f.id === 'missing-alerts');
  const targets = notifyTargets(ctx.notifyServices);
  const done = ctx.installed;
  return html`<section class="install" aria-labelledby="install-title">
    <h3 id="install-title">${ctx.t('install.title')}</h3>
    <p class="muted">${ctx.t(missing ? 'install.missing' : 'install.present')}</p>
    ${targets.length
      ? html`<fieldset class="notify" ?disabled=${ctx.busy}>
          <legend>${ctx.t('install.notify')}</legend>
          ${targets.map((n) => html`<label><input type="checkbox" value=${n} .checked=${ctx.kept.notify.has(n)}
            @change=${(e: Event) => ctx.on.keep({ notify: choose(ctx.kept.notify, n, (e.target as HTMLInputElement).checked) })} /> ${n.slice('notify.'.length)}</label>`)}
        </fieldset>`
      : nothing}
    <div class="actions">
      <button class="btn ${missing ? 'primary' : ''}" ?disabled=${ctx.busy}
        @click=${() => ctx.on.installAlerts([...ctx.kept.notify].filter((n) => targets.includes(n)))}>${ctx.t('install.button')}</button>
      ${done
        ? html`<span role="status">${ctx.t('install.done', { created: done.created.length, updated: done.updated.length, removed: done.removed.length })}</span>`
        : nothing}
    </div>
  </section>`;
}

function group(ctx: ViewContext, g: AlertGroup) {
  const title = ctx.t(`finding.${g.id}`);
  const newest = g.findings[0]!;
  const done = g.open === 0;
  return html`<li class="alert sev-${g.severity} ${done ? 'acked' : ''}" data-group=${g.key}>
    <span class="alert-icon">${icon(SEVERITY_ICON[g.severity])}</span>
    <details class="alert-body">
      <summary>
        <span class="alert-title"><strong>${title}</strong>${g.count > 1
          ? html`<span class="count" aria-label=${ctx.t('alerts.times', { count: g.count })}>×${g.count}</span>` : nothing}</span>
        <span class="alert-meta">${[ctx.t(`severity.${g.severity}`), g.lockName, g.newest ? ctx.fmt.relative(g.newest, ctx.now) : null].filter(Boolean).join(' · ')}</span>
      </summary>
      <p><span class="label">${ctx.t('finding.evidence')}:</span> ${newest.evidence}</p>
      <p><span class="label">${ctx.t('finding.fix')}:</span> ${newest.fix}</p>
      ${g.findings.length > 1
        ? html`<p class="muted">${ctx.t('alerts.times_list', { times: g.findings.slice(0, 5).map((f) => (f.time ? ctx.fmt.dateTime(f.time) : '')).filter(Boolean).join(', ') })}</p>`
        : nothing}
    </details>
    ${done
      ? html`<span class="muted acked-note">${ctx.t('alerts.acknowledged')}</span>`
      : html`<button class="btn ack" ?disabled=${!ctx.admin || ctx.busy} @click=${() => ctx.on.update(() => acknowledged(g.openKeys))}
          aria-label=${`${ctx.t('alerts.acknowledge')}: ${title}${g.lockName ? ` · ${g.lockName}` : ''}`}>${ctx.t('alerts.acknowledge')}</button>`}
  </li>`;
}

export function alertsView(ctx: ViewContext) {
  const groups = alertGroups(ctx);
  if (!groups.length) return html`<p class="empty">${ctx.t('alerts.none')}</p>${installSection(ctx)}`;
  return html`<ul class="alerts">${groups.map((g) => group(ctx, g))}</ul>${installSection(ctx)}`;
}

export const styles = [buttonStyles, textStyles, css`
  /* Alerts */
  .alerts { display: flex; flex-direction: column; gap: 8px; }
  .alert {
    display: grid; grid-template-columns: auto 1fr auto; gap: 4px 12px; align-items: start; padding: 10px 12px;
    border-radius: var(--ls-radius); --ls-tone: var(--ls-info); background: color-mix(in srgb, var(--ls-tone) 10%, transparent);
    border-left: 4px solid var(--ls-tone);
  }
  .alert.sev-critical { --ls-tone: var(--ls-error); }
  .alert.sev-warning { --ls-tone: var(--ls-warning); }
  .alert.acked { --ls-tone: var(--ls-divider); }
  .alert-icon { color: var(--ls-tone); padding-top: 2px; }
  .alert.acked .alert-icon { color: var(--ls-muted); }
  .alert-body summary { cursor: pointer; display: flex; flex-direction: column; list-style: none; }
  .alert-body summary::-webkit-details-marker { display: none; }
  .alert-title { display: flex; align-items: center; gap: 6px; }
  /* Text colour, not the muted one: the tinted background would take muted text below 4.5:1. */
  .alert-meta { font-size: 0.875em; }
  .alert .label, .alert .muted { color: var(--ls-text); font-weight: 500; }
  .alert-body p { font-size: 0.9em; }
  .alert .ack, .acked-note { align-self: center; }
  .acked-note { font-size: 0.875em; }
  select, input {
    font: inherit; color: var(--ls-text); background: var(--ls-bg); border: 1px solid var(--ls-divider);
    border-radius: 6px; padding: 4px 6px; min-height: 32px;
  }
  fieldset { border: 1px solid var(--ls-divider); border-radius: 6px; display: flex; gap: 12px; flex-wrap: wrap; margin: 6px 0; }
`];
