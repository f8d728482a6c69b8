// An accessible horizontal bar chart (SVG): each bar has its label and value as text, the threshold
// is a dashed line with its own text label (never colour alone), and the SVG has a title and a
// description that states every value, for screen readers. The data also appears in a table beside it.
export type Bar = { readonly label: string; readonly valueText: string; readonly share: number };
export type Threshold = { readonly share: number; readonly label: string };

type Props = { readonly id: string; readonly title: string; readonly description: string; readonly bars: readonly Bar[]; readonly threshold?: Threshold | undefined };

const WIDTH = 320;
const LEFT = 8;
const PLOT = WIDTH - 2 * LEFT;
const ROW = 48;
const TOP = 28;

const clamp = (x: number) => Math.max(0, Math.min(1, Number.isFinite(x) ? x : 0));

export function BarChart({ id, title, description, bars, threshold }: Props) {
  const height = TOP + bars.length * ROW + 8;
  const tx = threshold ? LEFT + clamp(threshold.share) * PLOT : 0;
  return (
    <svg class="bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((b, i) => {
        const y = TOP + i * ROW;
        const w = clamp(b.share) * PLOT;
        return (
          <g key={i}>
            <text x={LEFT} y={y + 12} class="bar-label">
              {b.label}: {b.valueText}
            </text>
            <rect x={LEFT} y={y + 18} width={PLOT} height={20} class="bar-track" />
            <rect x={LEFT} y={y + 18} width={Math.max(w, 0.5)} height={20} class={`bar bar-${i % 3}`} />
          </g>
        );
      })}
      {threshold ? (
        <g class="threshold">
          <line x1={tx} x2={tx} y1={TOP - 6} y2={height - 4} stroke-dasharray="5 3" />
          <text x={Math.min(Math.max(tx, LEFT + 70), WIDTH - LEFT - 70)} y={14} text-anchor="middle" class="threshold-label">
            {threshold.label}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
