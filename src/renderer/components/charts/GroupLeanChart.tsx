/**
 * Group profiles. `GroupLeanChart`: each group's lean as a bar from the zero line,
 * left toward manager (-100%), right toward leader (+100%), written out in words
 * beside the zero line. `LeaderAnswerChart`: how often each group picked the
 * option the workshop tags leader-like.
 */
import { Bar, BarChart, ReferenceLine, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { formatLean, formatShare, type GroupProfile } from '../../../shared/profile';
import {
  ANIMATION_MS,
  ChartFrame,
  halo,
  prefersReducedMotion,
  shareAxis,
  StylePatterns,
  textWidth,
  useChartBox,
  useChartColors,
  usePatternIds,
  type ChartColors,
  type ChartSize,
} from './chartKit';
import styles from './Charts.module.css';

export interface GroupChartProps {
  groups: readonly GroupProfile[];
  size?: ChartSize;
  animate?: boolean;
  showTable?: boolean;
  className?: string;
}

/** WARNING: recharts spreads each row into the bar's SVG props: no `id`, `style` or `label` fields. */
interface GroupRow {
  groupKey: string;
  name: string;
  color: string;
  value: number;
  known: boolean;
  text: string;
}

function useGroupLayout(groups: readonly GroupProfile[], size: ChartSize) {
  const box = useChartBox(size);
  const f = box.fontPx;
  const axisWidth = Math.ceil(Math.max(...groups.map((group) => textWidth(group.name, f)), textWidth('Group', f)) + f * 1.6 + 12);
  const band = f * 2.3;
  const axisHeight = f * 1.9;
  // Room on the right for half of the last tick's label ("100% leader"), centred on its tick.
  const margin = { top: 6, right: Math.max(16, textWidth('100% leader', f * 0.8, false) / 2 + 4), bottom: 4, left: 4 };
  const height = Math.round(groups.length * band + axisHeight + margin.top + margin.bottom);
  const plotLeft = margin.left + axisWidth;
  const plotWidth = Math.max(100, box.width - plotLeft - margin.right);
  return { box, f, axisWidth, band, axisHeight, margin, height, plotLeft, plotWidth };
}

/** The group's name with its colour beside it, right-aligned to the bars. */
function groupTick(rows: readonly GroupRow[], f: number, textColor: string, borderColor: string) {
  return function GroupTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown; index?: number } }) {
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const row = rows[props.payload?.index ?? -1] ?? rows.find((r) => r.groupKey === props.payload?.value);
    if (!row) return null;
    return (
      <g>
        <text x={x - f * 1.3} y={y} textAnchor="end" dominantBaseline="central" fontSize={f} fontWeight={700} fill={textColor}>
          {row.name}
        </text>
        <rect x={x - f * 1.05} y={y - f * 0.45} width={f * 0.9} height={f * 0.9} rx={3} fill={row.color} stroke={borderColor} />
      </g>
    );
  };
}

/** The groups down the side: each name with its colour, one row per group. */
function groupAxis(width: number, rows: readonly GroupRow[], f: number, colors: ChartColors) {
  return <YAxis type="category" dataKey="groupKey" width={width} interval={0} axisLine={false} tickLine={false} tick={groupTick(rows, f, colors.text, colors.border)} />;
}

export function GroupLeanChart({ groups, size = 'screen', animate, showTable = true, className }: GroupChartProps) {
  const colors = useChartColors(size);
  const ids = usePatternIds();
  const layout = useGroupLayout(groups, size);
  const { f, margin, height } = layout;
  const animated = (animate ?? !prefersReducedMotion()) && size !== 'print';
  const zeroX = layout.plotLeft + layout.plotWidth / 2;

  const rows: GroupRow[] = groups.map((group) => ({
    groupKey: group.groupId || '(none)',
    name: group.name,
    color: group.color,
    value: group.lean === null ? 0 : Math.round(group.lean * 1000) / 10,
    known: group.lean !== null,
    text: group.counts.total === 0 ? 'No votes yet' : formatLean(group.lean),
  }));

  // Each bar and its figure drawn together (a LabelList would add a layer of
  // recharts components per row). The figure sits beside the zero line, on the
  // side the bar does not take.
  const shape = (props: BarShapeProps) => {
    const row = props.payload as GroupRow | undefined;
    if (!row) return <g />;
    const width = Number(props.width ?? 0);
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const barHeight = Number(props.height ?? 0);
    // A negative bar may come with a negative width: draw it from its left end.
    const left = width < 0 ? x + width : x;
    const toLeader = row.value > 0;
    return (
      <g>
        {width !== 0 && (
          <rect x={left} y={y} width={Math.abs(width)} height={barHeight} fill={`url(#${row.value >= 0 ? ids.leader : ids.manager})`} stroke={colors.text} strokeWidth={1} />
        )}
        <text
          x={toLeader ? zeroX - 10 : zeroX + 10}
          y={y + barHeight / 2}
          textAnchor={toLeader ? 'end' : 'start'}
          dominantBaseline="central"
          fontSize={f * 0.85}
          fontWeight={700}
          fill={row.known ? colors.text : colors.muted}
          {...halo(colors)}
        >
          {row.text}
        </text>
      </g>
    );
  };

  const ariaSummary = `Lean of each group from manager-like to leader-like: ${rows.map((row) => `${row.name}, ${row.text}`).join('; ')}.`;

  const table = showTable ? (
    <table>
      <caption>Lean per group: (leader − manager) ÷ (leader + manager) votes</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col" className={styles.num}>
            Leader-like votes
          </th>
          <th scope="col" className={styles.num}>
            Manager-like votes
          </th>
          <th scope="col" className={styles.num}>
            Neutral votes
          </th>
          <th scope="col">Lean</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group, index) => (
          <tr key={group.groupId || '(none)'}>
            <th scope="row">{group.name}</th>
            <td className={styles.num}>{group.counts.leader}</td>
            <td className={styles.num}>{group.counts.manager}</td>
            <td className={styles.num}>{group.counts.neutral}</td>
            <td>{rows[index]?.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  ) : undefined;

  const tickFormatter = (value: number) => (value === -100 ? '100% manager' : value === 100 ? '100% leader' : value === 0 ? '0' : `${Math.abs(value)}%`);

  return (
    <ChartFrame size={size} summary={ariaSummary} table={table} box={layout.box} plotHeight={height} className={className}>
      <BarChart width={layout.box.width} height={height} data={rows} layout="vertical" margin={margin} barSize={f * 1.3} accessibilityLayer={false}>
        <StylePatterns ids={ids} colors={colors} />
        <XAxis
          type="number"
          // Every tick, always: no measuring of label sizes to thin them out.
          interval={0}
          domain={[-100, 100]}
          ticks={[-100, -50, 0, 50, 100]}
          tickFormatter={tickFormatter}
          tick={{ fontSize: f * 0.8, fill: colors.muted }}
          height={layout.axisHeight}
          stroke={colors.border}
          allowDataOverflow
        />
        {groupAxis(layout.axisWidth, rows, f, colors)}
        <ReferenceLine x={0} stroke={colors.text} strokeWidth={2} />
        <Bar dataKey="value" minPointSize={1} isAnimationActive={animated} animationDuration={ANIMATION_MS} shape={shape} />
      </BarChart>
    </ChartFrame>
  );
}

/** "Picked the leader-like answer": each group's share of votes on the leader-tagged option. */
export function LeaderAnswerChart({ groups, size = 'screen', animate, showTable = true, className }: GroupChartProps) {
  const colors = useChartColors(size);
  const ids = usePatternIds();
  const layout = useGroupLayout(groups, size);
  const { f, height } = layout;
  const margin = { ...layout.margin, right: textWidth('100% · 999 of 999', f * 0.85) + 16 };
  const animated = (animate ?? !prefersReducedMotion()) && size !== 'print';

  const rows: GroupRow[] = groups.map((group) => ({
    groupKey: group.groupId || '(none)',
    name: group.name,
    color: group.color,
    value: group.leaderLikeShare === null ? 0 : Math.round(group.leaderLikeShare * 1000) / 10,
    known: group.leaderLikeShare !== null,
    text: group.counts.total === 0 ? 'No votes yet' : `${formatShare(group.leaderLikeShare)} · ${group.counts.leader} of ${group.counts.total}`,
  }));

  // The bar and its figure drawn together, as in the lean chart.
  const shape = (props: BarShapeProps) => {
    const row = props.payload as GroupRow | undefined;
    if (!row) return <g />;
    const width = Math.max(0, Number(props.width ?? 0));
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const barHeight = Number(props.height ?? 0);
    return (
      <g>
        {width > 0 && <rect x={x} y={y} width={width} height={barHeight} fill={`url(#${ids.leader})`} stroke={colors.text} strokeWidth={1} />}
        <text x={x + width + 10} y={y + barHeight / 2} dominantBaseline="central" fontSize={f * 0.85} fontWeight={700} fill={row.known ? colors.text : colors.muted} {...halo(colors)}>
          {row.text}
        </text>
      </g>
    );
  };

  const ariaSummary = `Picked the leader-like answer, per group: ${rows.map((row) => `${row.name}, ${row.known ? formatShare(row.value / 100) : 'no votes yet'}`).join('; ')}.`;

  const table = showTable ? (
    <table>
      <caption>Picked the leader-like answer: votes on the option the workshop tags leader-like</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col" className={styles.num}>
            Leader-like votes
          </th>
          <th scope="col" className={styles.num}>
            All votes
          </th>
          <th scope="col" className={styles.num}>
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.groupId || '(none)'}>
            <th scope="row">{group.name}</th>
            <td className={styles.num}>{group.counts.leader}</td>
            <td className={styles.num}>{group.counts.total}</td>
            <td className={styles.num}>{formatShare(group.leaderLikeShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  ) : undefined;

  return (
    <ChartFrame size={size} summary={ariaSummary} table={table} box={layout.box} plotHeight={height} className={className}>
      <BarChart width={layout.box.width} height={height} data={rows} layout="vertical" margin={margin} barSize={f * 1.3} accessibilityLayer={false}>
        <StylePatterns ids={ids} colors={colors} />
        {shareAxis(f, layout.axisHeight, colors)}
        {groupAxis(layout.axisWidth, rows, f, colors)}
        <Bar dataKey="value" minPointSize={1} isAnimationActive={animated} animationDuration={ANIMATION_MS} shape={shape} />
      </BarChart>
    </ChartFrame>
  );
}
