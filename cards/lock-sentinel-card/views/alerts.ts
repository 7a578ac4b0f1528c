import { html, nothing } from 'lit';
import type { Finding } from '../../../src/model/finding.js';
import { ALERT_IDS } from '../const.js';
import { lockName, type ViewContext } from './context.js';

export const alertKey = (f: Finding) => `${f.id}|${f.entity_id ?? ''}|${f.time ?? ''}`;

/** Live alerts, newest first (undated ones last). */
export function alerts(findings: Finding[]): Finding[] {
  return findings
    .filter((f) => ALERT_IDS.includes(f.id))
    .sort((a, b) => (b.time ? Date.parse(b.time) : -Infinity) - (a.time ? Date.parse(a.time) : -Infinity));
}

export function openAlerts(ctx: Pick<ViewContext, 'report' | 'shared'>): Finding[] {
  const acked = new Set(ctx.shared.acknowledged);
  return alerts(ctx.report.findings).filter((f) => !acked.has(alertKey(f)));
}

function installSection(ctx: ViewContext) {
  if (!ctx.canInstall) return nothing;
  const missing = ctx.report.findings.some((f) => f.id === 'missing-alerts');
  return html`<section class="install" aria-labelledby="install-title">
    <h3 id="install-title">${ctx.t('install.title')}</h3>
    <p class="muted">${ctx.t(missing ? 'install.missing' : 'install.present')}</p>
    ${ctx.notifyTargets.length
      ? html`<fieldset class="notify" ?disabled=${ctx.busy}>
          <legend>${ctx.t('install.notify')}</legend>
          ${ctx.notifyTargets.map((n) => html`<label><input type="checkbox" value=${n} .checked=${ctx.notifyChosen.has(n)}
            @change=${(e: Event) => ctx.on.chooseNotify(n, (e.target as HTMLInputElement).checked)} /> ${n.slice('notify.'.length)}</label>`)}
        </fieldset>`
      : nothing}
    <div class="actions">
      <button class="btn ${missing ? 'primary' : ''}" ?disabled=${ctx.busy} @click=${() => ctx.on.installAlerts()}>${ctx.t('install.button')}</button>
      ${ctx.installNote ? html`<span role="status">${ctx.installNote}</span>` : nothing}
    </div>
  </section>`;
}

export function alertsView(ctx: ViewContext) {
  const acked = new Set(ctx.shared.acknowledged);
  const list = alerts(ctx.report.findings);
  if (!list.length) return html`<p class="empty">${ctx.t('alerts.none')}</p>${installSection(ctx)}`;
  return html`<ul class="alerts">
    ${list.map((f) => {
      const key = alertKey(f);
      const done = acked.has(key);
      return html`<li class="alert sev-${f.severity} ${done ? 'acked' : ''}">
        <div class="alert-head">
          <span class="chip sev">${ctx.t(`severity.${f.severity}`)}</span>
          <strong>${ctx.t(`finding.${f.id}`)}</strong>
          <span class="muted">${lockName(ctx, f.entity_id)}</span>
          ${f.time ? html`<time class="muted" datetime=${f.time} title=${ctx.fmt.dateTime(f.time)}>${ctx.fmt.relative(f.time, ctx.now)}</time>` : ''}
        </div>
        <p><span class="label">${ctx.t('finding.evidence')}:</span> ${f.evidence}</p>
        <p><span class="label">${ctx.t('finding.fix')}:</span> ${f.fix}</p>
        ${done
          ? html`<span class="muted">${ctx.t('alerts.acknowledged')}</span>`
          : html`<button class="btn" ?disabled=${!ctx.admin || ctx.busy} @click=${() => ctx.on.acknowledge(key)}
              aria-label=${`${ctx.t('alerts.acknowledge')}: ${ctx.t(`finding.${f.id}`)} ${lockName(ctx, f.entity_id)}`}>
              ${ctx.t('alerts.acknowledge')}
            </button>`}
      </li>`;
    })}
  </ul>
  ${installSection(ctx)}`;
}
