import { html, nothing } from 'lit';
import type { Check } from '../../../src/model/finding.js';
import { scoreBadge } from './overview.js';
import type { ViewContext } from './context.js';

function answer(ctx: ViewContext, check: Check) {
  const current = ctx.shared.checklist[check.id];
  const name = `answer-${check.id}`;
  const pick = (v: boolean | null) => () => ctx.on.answer(check.id, v);
  return html`<fieldset class="answer" ?disabled=${!ctx.admin || ctx.busy}>
    <legend>${ctx.t('scorecard.self_reported')}</legend>
    <label><input type="radio" name=${name} .checked=${current === true} @change=${pick(true)} /> ${ctx.t('answer.yes')}</label>
    <label><input type="radio" name=${name} .checked=${current === false} @change=${pick(false)} /> ${ctx.t('answer.no')}</label>
    <label><input type="radio" name=${name} .checked=${current === undefined} @change=${pick(null)} /> ${ctx.t('answer.unanswered')}</label>
  </fieldset>`;
}

export function scorecardView(ctx: ViewContext) {
  const { score, checks } = ctx.report;
  return html`
    <section class="summary">${scoreBadge(ctx)}</section>
    ${score.pillars.map(
      (p) => html`<section class="pillar" aria-labelledby=${`pillar-${p.pillar}`}>
        <h3 id=${`pillar-${p.pillar}`}>
          ${ctx.t(`pillar.${p.pillar}`)} <span class="muted">(${p.weight} %)</span>
          <span class="num">${p.score === null ? ctx.t('status.unknown') : `${Math.round(p.score)}/100`}</span>
        </h3>
        <ul class="checks">
          ${checks
            .filter((c) => c.pillar === p.pillar)
            .map(
              (c) => html`<li class="check status-${c.status}" data-check=${c.id}>
                <div class="check-head"><span class="chip">${ctx.t(`status.${c.status}`)}</span> <strong>${c.title}</strong></div>
                ${c.evidence ? html`<p><span class="label">${ctx.t('finding.evidence')}:</span> ${c.evidence}</p>` : nothing}
                ${c.status !== 'pass' && c.fix ? html`<p><span class="label">${ctx.t('finding.fix')}:</span> ${c.fix}</p>` : nothing}
                ${c.self_reported ? answer(ctx, c) : nothing}
              </li>`,
            )}
        </ul>
      </section>`,
    )}
  `;
}
