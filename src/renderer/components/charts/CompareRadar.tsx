/**
 * Several sessions' room profiles on one radar, with the same axes: every
 * dimension at least one of them covered. Each session has its own colour and
 * dash; a session that did not cover a dimension has no point on its spoke (the
 * line goes past it), and the spoke's label says which session did not cover it.
 * The axes come ready from the caller (the sessions' summaries); nothing is counted here.
 */
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart } from 'recharts';
import { GROUP_PALETTE } from '../../../shared/palette';
import { ChartFrame, DASHES, HtmlSwatch, textWidth, useChartBox, useChartColors, type ChartSize } from './chartKit';
import styles from './Charts.module.css';

export interface CompareRadarAxis {
  name: string;
  /** Per series, a percentage 0-100, or null where that session did not cover the dimension. */
  values: (number | null)[];
  notCovered: string[];
}

export interface CompareRadarProps {
  series: { key: string; name: string }[];
  axes: CompareRadarAxis[];
  /** Dimensions no session covered: named under the chart. */
  uncovered?: string[];
  size?: ChartSize;
  height?: number;
}

const MIN_AXES = 3;
/** Colours far apart in the palette for the first sessions: blue, orange, green, purple… */
const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#332288', '#E69F00', ...GROUP_PALETTE];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

export function CompareRadar({ series, axes, uncovered = [], size = 'screen', height }: CompareRadarProps) {
  const colors = useChartColors(size);
  const box = useChartBox(size);
  const f = box.fontPx;
  const data = axes.map((axis) => {
    const row: Record<string, string | number | null> = { dimension: axis.name };
    series.forEach((s, index) => (row[s.key] = axis.values[index] ?? null));
    return row;
  });
  const byName = new Map(axes.map((axis) => [axis.name, axis]));
  const longest = Math.max(0, ...axes.map((axis) => textWidth(axis.name, f)));
  const chartHeight = height ?? Math.round(Math.min(Math.max(box.width * 0.7, 340), 620));
  const margin = { top: f * 2.6, bottom: f * 2.6, left: longest + 12, right: longest + 12 };
  const summary =
    'Room profiles compared, share of leader-like choices per dimension: ' +
    axes
      .map((axis) => `${axis.name}: ${series.map((s, index) => `${s.name} ${axis.values[index] === null ? 'not covered' : `${axis.values[index]}%`}`).join(', ')}`)
      .join('; ') +
    '.';

  const AngleTick = (props: { x?: number | string; y?: number | string; textAnchor?: string; payload?: { value?: unknown } }) => {
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const name = String(props.payload?.value ?? '');
    const missing = byName.get(name)?.notCovered.length ?? 0;
    const above = y < chartHeight / 2 - 4;
    const anchor = (props.textAnchor as 'start' | 'middle' | 'end' | undefined) ?? 'middle';
    const first = above ? y - (missing > 0 ? f * 1.05 : f * 0.2) : y + f * 0.35;
    return (
      <g>
        <text x={x} y={first} textAnchor={anchor} fontSize={f * 0.9} fontWeight={700} fill={colors.text}>
          {name}
        </text>
        {missing > 0 && (
          <text x={x} y={first + f * 1.05} textAnchor={anchor} fontSize={f * 0.75} fill={colors.muted}>
            {missing === series.length - 1 && series.length > 2 ? 'one session only' : `not in ${missing} session${missing === 1 ? '' : 's'}`}
          </text>
        )}
      </g>
    );
  };

  const legend = (
    <>
      <ul className={styles.legend}>
        {series.map((s, index) => (
          <li key={s.key}>
            <HtmlSwatch color={seriesColor(index)} dash={DASHES[index % DASHES.length]} />
            {s.name}
          </li>
        ))}
      </ul>
      {axes.some((axis) => axis.notCovered.length > 0) && (
        <p className={styles.note}>
          Not covered (no revealed answers):{' '}
          {axes
            .filter((axis) => axis.notCovered.length > 0)
            .map((axis) => `${axis.name} in ${axis.notCovered.join(', ')}`)
            .join('; ')}
          .
        </p>
      )}
      {uncovered.length > 0 && <p className={styles.note}>No session covered {uncovered.join(', ')}.</p>}
    </>
  );

  if (axes.length < MIN_AXES) {
    return (
      <ChartFrame size={size} summary={summary} box={box} footer={legend}>
        <div className={styles.fallback}>The radar needs revealed answers on at least {MIN_AXES} dimensions; see the table.</div>
      </ChartFrame>
    );
  }
  return (
    <ChartFrame size={size} summary={summary} footer={legend} box={box} plotHeight={chartHeight}>
      <RadarChart width={box.width} height={chartHeight} data={data} outerRadius="92%" margin={margin} accessibilityLayer={false}>
        <PolarGrid stroke={colors.border} strokeWidth={1.5} />
        <PolarAngleAxis dataKey="dimension" tick={AngleTick} />
        <PolarRadiusAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          angle={90 - 180 / axes.length}
          tickFormatter={(value: number) => (value === 0 ? '' : `${value}%`)}
          tick={{ fontSize: f * 0.75, fill: colors.muted }}
          axisLine={false}
        />
        {series.map((s, index) => (
          <Radar
            key={s.key}
            name={s.name}
            dataKey={s.key}
            stroke={seriesColor(index)}
            strokeWidth={3}
            strokeDasharray={DASHES[index % DASHES.length]}
            fill={seriesColor(index)}
            fillOpacity={index === 0 ? 0.16 : 0.08}
            dot={{ r: 4.5, fill: seriesColor(index), strokeWidth: 0 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </RadarChart>
    </ChartFrame>
  );
}
