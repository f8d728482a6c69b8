// Turnout over time as an accessible SVG step line: cumulative ballots per hour against the eligible
// count, with a title and a description that says every value, and the same data in a table (the
// text alternative for everyone). Meaning never rests on colour: the axis labels say what they are.
import { formatInstant, formatPercent, type Lang } from '../i18n/i18n.ts';
import { useI18n } from '../ui/i18n-context.ts';

export type HourPoint = { readonly hour: string; readonly ballots: number; readonly cumulative: number };

const W = 320;
const H = 180;
const PAD = { left: 40, right: 12, top: 16, bottom: 28 };

export function turnoutDescription(points: readonly HourPoint[], eligible: number, lang: Lang, words: (vars: { when: string; count: number; percent: string }) => string): string {
  return points.map((p) => words({ when: formatInstant(p.hour, lang), count: p.cumulative, percent: formatPercent(p.cumulative, eligible, lang) })).join('; ');
}

export function TurnoutChart({ points, eligible }: { readonly points: readonly HourPoint[]; readonly eligible: number }) {
  const { t, lang } = useI18n();
  if (points.length === 0) return <p>{t('admin.turnout.no_ballots')}</p>;
  const top = Math.max(eligible, 1);
  const x = (i: number) => PAD.left + (points.length === 1 ? 0 : (i / (points.length - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - v / top) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.cumulative).toFixed(1)}`).join(' ');
  const description = turnoutDescription(points, eligible, lang, (v) => t('admin.turnout.point', v));
  return (
    <figure class="turnout-figure">
      <svg class="line-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="turnout-chart-title turnout-chart-desc">
        <title id="turnout-chart-title">{t('admin.turnout.chart_title', { eligible })}</title>
        <desc id="turnout-chart-desc">{description}</desc>
        <line class="axis" x1={PAD.left} y1={y(0)} x2={W - PAD.right} y2={y(0)} />
        <line class="axis" x1={PAD.left} y1={y(0)} x2={PAD.left} y2={y(top)} />
        <line class="eligible-line" x1={PAD.left} y1={y(top)} x2={W - PAD.right} y2={y(top)} stroke-dasharray="5 3" />
        <text class="chart-label" x={PAD.left - 4} y={y(top) + 4} text-anchor="end">{top}</text>
        <text class="chart-label" x={PAD.left - 4} y={y(0) + 4} text-anchor="end">0</text>
        <text class="chart-label" x={W - PAD.right} y={y(top) - 4} text-anchor="end">{t('admin.turnout.eligible_line')}</text>
        <path class="turnout-line" d={path} fill="none" />
        {points.map((p, i) => <circle key={p.hour} class="turnout-point" cx={x(i)} cy={y(p.cumulative)} r={4} />)}
        <text class="chart-label" x={(W + PAD.left) / 2} y={H - 6} text-anchor="middle">{t('admin.turnout.time_axis')}</text>
      </svg>
      <figcaption class="hint">{t('admin.turnout.chart_caption')}</figcaption>
      <div class="table-scroll" tabIndex={0}>
        <table>
          <caption>{t('admin.turnout.hourly_caption')}</caption>
          <thead><tr><th scope="col">{t('admin.turnout.hour')}</th><th scope="col">{t('admin.turnout.ballots')}</th><th scope="col">{t('admin.turnout.cumulative')}</th></tr></thead>
          <tbody>{points.map((p) => <tr key={p.hour}><td>{formatInstant(p.hour, lang)}</td><td>{p.ballots}</td><td>{p.cumulative} ({formatPercent(p.cumulative, eligible, lang)})</td></tr>)}</tbody>
        </table>
      </div>
    </figure>
  );
}
