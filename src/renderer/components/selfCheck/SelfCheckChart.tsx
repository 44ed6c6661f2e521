/**
 * The room's self-check per dimension (issue 17): a dot plot on the scale, one
 * row per dimension, "before" a hollow circle, "then" (looking back) a hollow
 * diamond, "after" a filled circle, a line from before to after, and, once a
 * follow-up pulse has answers (src/shared/followUp.ts), "weeks later" a filled
 * square. Shapes as well
 * as colours, so it reads in black and white and from the back of the room;
 * the same figures as a table for screen readers and the report. It draws the
 * core's figures (src/shared/selfCheck.ts); it counts nothing itself.
 */
import type { RatingFigure, SelfCheckDimensionFigures, SelfCheckFigures } from '../../../shared/selfCheck';
import styles from './SelfCheckChart.module.css';

/** Layout in the SVG's own units; the projector's has bigger type for the same width, read from the back of the room. */
const LAYOUTS = {
  page: { row: 46, label: 250, values: 190, plot: 560, top: 34, name: 22, tick: 18, radius: 10 },
  projector: { row: 50, label: 300, values: 150, plot: 550, top: 40, name: 32, tick: 26, radius: 13 },
} as const;

export function formatMean(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : (Math.round(value * 10) / 10).toFixed(1);
}

export function formatShift(value: number | null): string {
  if (value === null) return '–';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)}`;
}

/** What the follow-up pulse is called wherever the figures are shown: the third point in time. */
export const FOLLOW_UP_LABEL = 'Weeks later';

/** A figure as its value ("3.4", or why there is none) and the n it rests on ("n = 18"), null when nothing was asked. */
export function figureParts(figure: RatingFigure | null): { value: string; n: string | null; shown: boolean } {
  if (!figure) return { value: 'not asked', n: null, shown: false };
  if (figure.withheld) return { value: 'too few to show', n: `n = ${figure.n}`, shown: false };
  if (figure.mean === null) return { value: 'no answers', n: null, shown: false };
  return { value: formatMean(figure.mean), n: `n = ${figure.n}`, shown: true };
}

/** "3.4 (n = 18)", or why there is no mean. */
export function figureText(figure: RatingFigure | null): string {
  const { value, n } = figureParts(figure);
  return n === null ? value : `${value} (${n})`;
}

/** The n each phase rests on, in words: "before: 18 to 20 people". */
function nRange(lines: readonly SelfCheckDimensionFigures[], pick: (line: SelfCheckDimensionFigures) => RatingFigure | null): string | null {
  const ns = lines.map(pick).filter((figure): figure is RatingFigure => figure !== null).map((figure) => figure.n);
  if (ns.length === 0) return null;
  const low = Math.min(...ns);
  const high = Math.max(...ns);
  return low === high ? `${low}` : `${low} to ${high}`;
}

export function sampleLine(figures: SelfCheckFigures): string {
  const parts = [
    ['before', nRange(figures.dimensions, (line) => line.before)],
    ['then', nRange(figures.dimensions, (line) => line.then)],
    ['after', nRange(figures.dimensions, (line) => line.after)],
    [FOLLOW_UP_LABEL.toLowerCase(), nRange(figures.dimensions, (line) => line.followUp)],
  ].flatMap(([name, range]) => (range === null ? [] : [`${name}: ${range} ${range === '1' ? 'rating' : 'ratings'}`]));
  return parts.join(' · ');
}

interface ChartProps {
  figures: SelfCheckFigures;
  /** A caption above the chart (the projector's and the report's title is elsewhere). */
  caption?: string;
  size?: 'projector' | 'page';
  /** The figures as a table too (visible), else a table for screen readers only. */
  showTable?: boolean;
}

export function SelfCheckChart({ figures, caption, size = 'page', showTable = false }: ChartProps) {
  const lines = figures.dimensions;
  const { row: ROW, label: LABEL, values: VALUES, plot: PLOT, top: TOP, name: NAME, tick: TICK, radius: R } = LAYOUTS[size];
  const width = LABEL + PLOT + VALUES;
  const height = TOP + lines.length * ROW + 12;
  const span = Math.max(1, figures.max - figures.min);
  const x = (value: number) => LABEL + 20 + ((value - figures.min) / span) * (PLOT - 40);
  const ticks: number[] = [];
  for (let value = figures.min; value <= figures.max; value += 1) ticks.push(value);
  const mean = (figure: RatingFigure | null) => (figure && figure.mean !== null ? figure.mean : null);
  // The follow-up's mark and legend only once a pulse is counted: a workshop without one keeps its three marks.
  const withFollowUp = figures.followUp !== null;
  return (
    <figure className={`${styles.figure} ${size === 'projector' ? styles.projector : ''}`} data-testid="self-check-chart">
      {caption && <figcaption className={styles.caption}>{caption}</figcaption>}
      <ul className={styles.legend} aria-hidden="true">
        <li>
          <svg viewBox="0 0 20 20" className={styles.key}>
            <circle cx="10" cy="10" r="7" className={styles.before} />
          </svg>
          Before
        </li>
        <li>
          <svg viewBox="0 0 20 20" className={styles.key}>
            <path d="M10 2 L18 10 L10 18 L2 10 Z" className={styles.then} />
          </svg>
          Then (looking back)
        </li>
        <li>
          <svg viewBox="0 0 20 20" className={styles.key}>
            <circle cx="10" cy="10" r="7" className={styles.after} />
          </svg>
          After
        </li>
        {withFollowUp && (
          <li>
            <svg viewBox="0 0 20 20" className={styles.key}>
              <rect x="3" y="3" width="14" height="14" className={styles.followUp} />
            </svg>
            {FOLLOW_UP_LABEL}
          </li>
        )}
      </ul>
      <svg viewBox={`0 0 ${width} ${height}`} className={styles.plot} role="img" aria-label={`The room’s self-check per dimension: before, then and after${withFollowUp ? `, and ${FOLLOW_UP_LABEL.toLowerCase()}` : ''} (means); the table has the figures.`}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 8} className={styles.grid} />
            <text x={x(tick)} y={TOP - 14} className={styles.tick} fontSize={TICK} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        <text x={LABEL + PLOT + 14} y={TOP - 14} className={styles.tick} fontSize={TICK}>
          {size === 'projector' ? 'shift' : 'after − before'}
        </text>
        {lines.map((line, index) => {
          const y = TOP + index * ROW + ROW / 2;
          const before = mean(line.before);
          const after = mean(line.after);
          const then = mean(line.then);
          const followUp = mean(line.followUp);
          return (
            <g key={line.dimensionId} data-dimension={line.dimensionId}>
              <text x={LABEL - 10} y={y + NAME / 3} className={styles.name} fontSize={NAME} textAnchor="end">
                {line.dimensionName}
              </text>
              <line x1={LABEL + 20} x2={LABEL + PLOT - 20} y1={y} y2={y} className={styles.track} />
              {before !== null && after !== null && <line x1={x(before)} x2={x(after)} y1={y} y2={y} className={styles.move} />}
              {then !== null && <path d={`M${x(then)} ${y - R - 2} L${x(then) + R + 2} ${y} L${x(then)} ${y + R + 2} L${x(then) - R - 2} ${y} Z`} className={styles.then} />}
              {before !== null && <circle cx={x(before)} cy={y} r={R} className={styles.before} />}
              {after !== null && <circle cx={x(after)} cy={y} r={R} className={styles.after} />}
              {followUp !== null && <rect x={x(followUp) - R * 0.8} y={y - R * 0.8} width={R * 1.6} height={R * 1.6} className={styles.followUp} />}
              <text x={LABEL + PLOT + 14} y={y + NAME / 3} className={styles.shift} fontSize={NAME}>
                {formatShift(line.shift.afterMinusBefore)}
              </text>
            </g>
          );
        })}
      </svg>
      <p className={styles.sample}>
        Means of ratings from {figures.min} ({figures.minLabel || 'low'}) to {figures.max} ({figures.maxLabel || 'high'}). {sampleLine(figures)}
        {figures.privacyFloor > 1 ? `. A mean of fewer than ${figures.privacyFloor} ratings is not shown.` : '.'}
      </p>
      <SelfCheckTable figures={figures} className={showTable ? styles.table : 'visually-hidden'} />
    </figure>
  );
}

/**
 * The figures as a table: the chart's words, for screen readers, Results and the
 * report. The follow-up pulse's columns come only once a pulse has answers to show
 * (`figures.followUp`), so a session without one keeps its table as it was.
 */
export function SelfCheckTable({ figures, className }: { figures: SelfCheckFigures; className?: string }) {
  const withFollowUp = figures.followUp !== null;
  return (
    <table className={className} data-testid="self-check-table">
      <caption>Self-check per dimension: the room’s mean rating and how many it rests on (n)</caption>
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col">Before</th>
          <th scope="col">Then (looking back)</th>
          <th scope="col">After</th>
          <th scope="col">After − before</th>
          <th scope="col">After − then</th>
          {withFollowUp && <th scope="col">{FOLLOW_UP_LABEL}</th>}
          {withFollowUp && <th scope="col">{FOLLOW_UP_LABEL} − before</th>}
        </tr>
      </thead>
      <tbody>
        {figures.dimensions.map((line) => (
          <tr key={line.dimensionId}>
            <th scope="row">{line.dimensionName}</th>
            <td>{figureText(line.before)}</td>
            <td>{figureText(line.then)}</td>
            <td>{figureText(line.after)}</td>
            <td>{formatShift(line.shift.afterMinusBefore)}</td>
            <td>{formatShift(line.shift.afterMinusThen)}</td>
            {withFollowUp && <td>{figureText(line.followUp)}</td>}
            {withFollowUp && <td>{formatShift(line.shift.followUpMinusBefore)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
