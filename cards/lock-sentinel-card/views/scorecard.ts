// The scorecard: one collapsed section per pillar with every check's verdict at a glance; evidence and fix one tap
// away; the self-reported checklist as compact toggles.
import { css, html, nothing } from 'lit';
import { mdiAlert, mdiCheckCircle, mdiCloseCircle, mdiHelpCircleOutline } from '@mdi/js';
import type { Check, CheckStatus } from '../../../src/model/finding.js';
import { bar } from '../../shared/bar.js';
import { buttonStyles } from '../../shared/button.js';
import { chip, chipStyles } from '../../shared/chip.js';
import { icon } from '../../shared/icon.js';
import { gauge } from '../../shared/gauge.js';
import { fixList, STRENGTH_CHECK } from './code-fixes.js';
import type { ViewContext } from './context.js';
import { textStyles } from './text-styles.js';
import { answered } from '../changes.js';

export const STATUS_ICON: Record<CheckStatus, string> = { pass: mdiCheckCircle, warn: mdiAlert, fail: mdiCloseCircle, unknown: mdiHelpCircleOutline };
const STATUSES: CheckStatus[] = ['fail', 'warn', 'pass', 'unknown'];

/** Any status the engine gives is shown; one it does not know yet reads as its own word with the unknown icon. */
const statusIcon = (s: string) => STATUS_ICON[s as CheckStatus] ?? mdiHelpCircleOutline;

function answer(ctx: ViewContext, check: Check) {
  const current = ctx.shared.checklist[check.id];
  const set = (v: boolean) => () => ctx.on.update(() => answered(check.id, current === v ? null : v));
  const disabled = !ctx.admin || ctx.busy;
  return html`<div class="answer chip-group" role="group" aria-label=${`${ctx.t('scorecard.self_reported')}: ${check.title}`}>
    ${chip({ label: ctx.t('answer.yes'), pressed: current === true, onClick: set(true), disabled })}
    ${chip({ label: ctx.t('answer.no'), pressed: current === false, onClick: set(false), disabled })}
  </div>`;
}

function checkRow(ctx: ViewContext, c: Check) {
  return html`<li class="check status-${c.status}" data-check=${c.id}>
    <details>
      <summary>
        <span class="check-icon">${icon(statusIcon(c.status))}</span>
        <span class="check-title">${c.title}</span>
        <span class="verdict">${ctx.t(`status.${c.status}`)}</span>
      </summary>
      ${c.evidence ? html`<p><span class="label">${ctx.t('finding.evidence')}:</span> ${c.evidence}</p>` : nothing}
      ${c.status !== 'pass' && c.fix ? html`<p><span class="label">${ctx.t('finding.fix')}:</span> ${c.fix}</p>` : nothing}
      ${c.id === STRENGTH_CHECK ? fixList(ctx) : nothing}
    </details>
    ${c.self_reported ? answer(ctx, c) : nothing}
  </li>`;
}

function tally(ctx: ViewContext, checks: Check[]) {
  const parts = STATUSES.map((s) => [s, checks.filter((c) => c.status === s).length] as const).filter(([, n]) => n > 0);
  return html`<span class="tally">
    <span class="dots" aria-hidden="true">${checks.map((c) => html`<span class="dot status-${c.status}" title=${c.title}></span>`)}</span>
    <span class="visually-hidden">${parts.map(([s, n]) => `${n} ${ctx.t(`status.${s}`)}`).join(', ')}</span>
  </span>`;
}

export function scorecardView(ctx: ViewContext) {
  const { score, checks } = ctx.report;
  return html`
    <div class="score-head">
      ${gauge(score.total, score.grade, ctx.t('score.label', { grade: score.grade, total: score.total }))}
      <p>${ctx.t('scorecard.summary', { count: checks.filter((c) => c.status === 'fail').length })}</p>
    </div>
    ${score.pillars.map((p) => {
      const own = checks.filter((c) => c.pillar === p.pillar);
      return html`<details class="pillar" data-pillar=${p.pillar}>
        <summary>
          <span class="pillar-head">${bar(`${ctx.t(`pillar.${p.pillar}`)} · ${p.weight} %`, p.score, ctx.t('status.no_data'))}</span>
          ${tally(ctx, own)}
        </summary>
        <ul class="checks">${own.map((c) => checkRow(ctx, c))}</ul>
      </details>`;
    })}
  `;
}

export const styles = [buttonStyles, textStyles, chipStyles, css`
  /* Scorecard */
  .score-head { display: flex; align-items: center; gap: 16px; margin-bottom: 8px; }
  .pillar-head .bar { grid-template-columns: 9em 1fr 2em; }
  details.pillar { border-top: 1px solid var(--ls-divider); }
  details.pillar > summary { cursor: pointer; display: flex; flex-direction: column; gap: 4px; padding: 10px 0; list-style: none; }
  details.pillar > summary::-webkit-details-marker { display: none; }
  details.pillar[open] > summary { padding-bottom: 4px; }
  .tally .dots { display: flex; gap: 4px; flex-wrap: wrap; }
  .dot { width: 10px; height: 10px; border-radius: 50%; --ls-tone: var(--ls-muted); background: var(--ls-tone); }
  .status-pass { --ls-tone: var(--ls-success); }
  .status-warn { --ls-tone: var(--ls-warning); }
  .status-fail { --ls-tone: var(--ls-error); }
  .status-unknown { --ls-tone: var(--ls-muted); }
  .dot.status-unknown { background: transparent; border: 1.5px solid var(--ls-muted); box-sizing: border-box; }
  .check { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; padding: 4px 0; }
  .check details { flex: 1 1 220px; min-width: 0; }
  .check summary { cursor: pointer; display: flex; align-items: center; gap: 8px; min-height: 36px; list-style: none; }
  .check summary::-webkit-details-marker { display: none; }
  .check-icon { color: var(--ls-tone); display: flex; }
  .check-icon .icon { width: 20px; height: 20px; }
  .check-title { flex: 1; }
  .verdict { font-size: 0.8em; color: var(--ls-muted); }
  .check details p { font-size: 0.9em; margin-left: 28px; }
  .check .answer { margin-left: auto; }
  .slot-fixes { margin-left: 28px; }
  .slot-fix { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; justify-content: space-between; padding: 2px 0; font-size: 0.9em; }
`];
