/**
 * One question's result: a bar per option, its count and share written at the end
 * of the bar, the option's letter, the workshop's tag ("Leader-like",
 * "Manager-like", "Neutral") and a fill pattern beside it, so styles are told apart
 * without colour. On demand, each bar splits into the groups that chose it.
 *
 * Layout: recharts draws bars centred in their band; each band here holds the
 * option's text on top and the bar below, so the bars are shifted down by half the
 * text's height (see `shift`). The text wraps to the chart's measured width.
 */
import { Bar, BarChart, LabelList, XAxis, YAxis, type BarShapeProps, type LabelProps } from 'recharts';
import type { Group, Question, QuestionView, Style } from '../../../shared/model';
import { formatShare, groupBreakdown, styleTag, summarizeQuestion, type BreakdownSeries } from '../../../shared/profile';
import {
  ANIMATION_MS,
  ChartFrame,
  HtmlSwatch,
  prefersReducedMotion,
  StylePatterns,
  StyleSwatch,
  textOn,
  halo,
  textWidth,
  useChartBox,
  useChartColors,
  usePatternIds,
  votesText,
  wrapText,
  type ChartSize,
} from './chartKit';
import styles from './Charts.module.css';

export interface QuestionResultChartProps {
  question: Question;
  /** The question's view; nothing is drawn until its totals are visible. */
  view: Pick<QuestionView, 'totals' | 'totalsByGroup'>;
  /** The session's groups, for names and colours in the breakdown. */
  groups: readonly Pick<Group, 'id' | 'name' | 'color'>[];
  /** Split each bar by group (stacked, in the groups' colours). */
  byGroup?: boolean;
  /** The name of the line of phones with no group (the summary's, which may add small groups to it). */
  ungroupedName?: string;
  size?: ChartSize;
  /** The entrance animation; off by default for print and for reduced motion. */
  animate?: boolean;
  /** The vote count and the "Divided room" badge above the chart (default on). */
  showHeader?: boolean;
  /** The table with the same numbers, under the chart (default on). */
  showTable?: boolean;
  className?: string;
}

/** WARNING: recharts spreads each row into the bar's SVG props: no `id`, `style` or `label` fields here. */
interface Row {
  optionId: string;
  letter: string;
  optionLabel: string;
  optionStyle: Style;
  count: number;
  share: number;
  /** A zero-width bar at the end of the stack that carries the "count · share" label. */
  cap: number;
  capLabel: string;
  [seriesKey: string]: string | number;
}

const UNGROUPED_COLOR = '#b8bec9';

/** A label already says the style (classify questions: "Leader", "Manager"): the tag would repeat it. */
function labelSaysStyle(label: string, style: Style): boolean {
  return label.trim().toLowerCase() === style;
}

export function QuestionResultChart({
  question,
  view,
  groups,
  byGroup = false,
  ungroupedName,
  size = 'screen',
  animate,
  showHeader = true,
  showTable = true,
  className,
}: QuestionResultChartProps) {
  const colors = useChartColors(size);
  const ids = usePatternIds();
  const box = useChartBox(size);

  if (!view.totals) {
    return <p className={`${styles.note} ${className ?? ''}`}>The result shows here once the vote is revealed.</p>;
  }

  const summary = summarizeQuestion(question, view.totals);
  const breakdown = byGroup ? groupBreakdown(question, view, groups, ungroupedName) : null;
  const series: BreakdownSeries[] = breakdown && breakdown.series.length > 0 ? breakdown.series : [];
  const split = series.length > 0;
  const animated = (animate ?? !prefersReducedMotion()) && size !== 'print';

  // ---------------------------------------------------------------- layout, in pixels
  const f = box.fontPx;
  const lineH = f * 1.25;
  const pad = f * 0.45;
  const gap = f * 0.3;
  const barH = f * 1.6;
  const valueWidth = textWidth('999 · 100%', f) + 16;
  const margin = { top: 2, right: valueWidth, bottom: 2, left: 2 };
  const textWidthAvailable = Math.max(120, box.width - margin.left - 8);
  const fill = (style: Style) => `url(#${ids[style]})`;

  const layouts = summary.options.map((option) => {
    const inline = labelSaysStyle(option.label, option.style);
    return { inline, lines: inline ? [] : wrapText(option.label, textWidthAvailable, f, 3) };
  });
  const maxLines = Math.max(0, ...layouts.map((layout) => layout.lines.length));
  const textBlock = lineH * (1 + maxLines) + gap;
  const band = 2 * pad + textBlock + barH;
  const shift = textBlock / 2;
  const height = Math.round(summary.options.length * band + margin.top + margin.bottom);

  const rows: Row[] = summary.options.map((option, index) => {
    const row: Row = {
      optionId: option.id,
      letter: option.letter,
      optionLabel: option.label,
      optionStyle: option.style,
      count: option.count,
      share: option.share,
      cap: 0,
      capLabel: `${option.count} · ${formatShare(summary.voteCount > 0 ? option.share : 0)}`,
    };
    const counts = breakdown?.rows[index]?.counts ?? {};
    for (const s of series) row[s.key] = counts[s.key] ?? 0;
    return row;
  });
  const maxTotal = Math.max(1, ...rows.map((row) => row.count));

  const seriesColor = (s: BreakdownSeries) => (s.kind === 'group' ? (s.color ?? UNGROUPED_COLOR) : s.kind === 'hands' ? colors.muted : UNGROUPED_COLOR);

  const OptionTick = (props: { y?: number | string; payload?: { value?: unknown; index?: number } }) => {
    const y = Number(props.y ?? 0);
    const index = props.payload?.index ?? rows.findIndex((row) => row.optionId === props.payload?.value);
    const option = summary.options[index];
    const layout = layouts[index];
    if (!option || !layout) return null;
    const top = y - band / 2 + pad;
    const baseline = top + lineH * 0.8;
    const x = margin.left;
    const swatchX = x + f * 1.25;
    const afterSwatch = swatchX + f * 1.15;
    return (
      <g className="option-label">
        <text x={x} y={baseline} fontSize={f} fontWeight={800} fill={colors.text}>
          {option.letter}
        </text>
        <StyleSwatch x={swatchX} y={baseline - f * 0.78} sizePx={f * 0.85} fill={fill(option.style)} stroke={colors.text} />
        {layout.inline ? (
          <text x={afterSwatch} y={baseline} fontSize={f} fontWeight={700} fill={colors.text}>
            {option.label}
          </text>
        ) : (
          <text x={afterSwatch} y={baseline} fontSize={f * 0.8} fontWeight={800} fill={colors[option.style]} letterSpacing="0.02em">
            {styleTag(option.style)}
          </text>
        )}
        {layout.lines.map((line, lineIndex) => (
          <text key={lineIndex} x={x} y={baseline + lineH * (lineIndex + 1)} fontSize={f} fill={colors.text}>
            {line}
          </text>
        ))}
      </g>
    );
  };

  const shiftedRect = (props: BarShapeProps, paint: (row: Row) => string) => {
    const row = props.payload as Row | undefined;
    const width = Number(props.width ?? 0);
    if (!row || width <= 0) return <g />;
    return (
      <rect
        x={Number(props.x ?? 0)}
        y={Number(props.y ?? 0) + shift}
        width={width}
        height={Number(props.height ?? 0)}
        fill={paint(row)}
        stroke={split ? colors.surface : colors.text}
        strokeWidth={split ? 1.5 : 1}
      />
    );
  };

  const valueLabel = (props: LabelProps) => {
    const x = Number(props.x ?? 0) + Number(props.width ?? 0);
    const y = Number(props.y ?? 0) + shift + Number(props.height ?? 0) / 2;
    return (
      <text x={x + 10} y={y} dominantBaseline="central" fontSize={f} fontWeight={800} fill={colors.text} {...halo(colors)}>
        {String(props.value ?? '')}
      </text>
    );
  };

  // The group's name goes on its segment where it fits, so colour is not the only key.
  const segmentLabel = (color: string, name: string) =>
    function SegmentLabel(props: LabelProps) {
      const value = Number(props.value ?? 0);
      const width = Number(props.width ?? 0);
      const named = `${name} ${value}`;
      const text = width >= textWidth(named, f * 0.85) + 12 ? named : String(value);
      if (value <= 0 || width < textWidth(text, f * 0.85) + 10) return null;
      return (
        <text
          x={Number(props.x ?? 0) + width / 2}
          y={Number(props.y ?? 0) + shift + Number(props.height ?? 0) / 2}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={f * 0.85}
          fontWeight={800}
          fill={textOn(color)}
        >
          {text}
        </text>
      );
    };

  const ariaSummary =
    `Result: ${votesText(summary.voteCount)}. ` +
    summary.options
      .map((option) => `${option.letter} (${styleTag(option.style)}) “${option.label}”: ${votesText(option.count)}, ${formatShare(summary.voteCount > 0 ? option.share : 0)}.`)
      .join(' ') +
    (summary.divided ? ' Divided room: no answer has 60% of the votes.' : '');

  const header = showHeader ? (
    <div className={styles.head}>
      <span className={styles.total}>{votesText(summary.voteCount)}</span>
      {summary.divided && (
        <span className={`${styles.badge} ${styles.divided}`} title="No answer has 60% of the votes">
          Divided room
        </span>
      )}
    </div>
  ) : undefined;

  const legend = split ? (
    <ul className={styles.legend} aria-label="Groups">
      {series.map((s) => (
        <li key={s.key}>
          <HtmlSwatch color={seriesColor(s)} hatched={s.kind === 'hands'} />
          {s.name}
        </li>
      ))}
    </ul>
  ) : undefined;

  const table = showTable ? (
    <table>
      <caption>Votes per option{split ? ' and group' : ''}</caption>
      <thead>
        <tr>
          <th scope="col">Option</th>
          <th scope="col">Workshop’s tag</th>
          {series.map((s) => (
            <th key={s.key} scope="col" className={styles.num}>
              {s.name}
            </th>
          ))}
          <th scope="col" className={styles.num}>
            Votes
          </th>
          <th scope="col" className={styles.num}>
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {summary.options.map((option, index) => (
          <tr key={option.id}>
            <th scope="row">
              {option.letter}. {option.label}
            </th>
            <td>{styleTag(option.style)}</td>
            {series.map((s) => (
              <td key={s.key} className={styles.num}>
                {breakdown?.rows[index]?.counts[s.key] ?? 0}
              </td>
            ))}
            <td className={styles.num}>{option.count}</td>
            <td className={styles.num}>{formatShare(summary.voteCount > 0 ? option.share : 0)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td />
          {series.map((s) => (
            <td key={s.key} className={styles.num}>
              {breakdown?.rows.reduce((sum, row) => sum + (row.counts[s.key] ?? 0), 0) ?? 0}
            </td>
          ))}
          <td className={styles.num}>{summary.voteCount}</td>
          <td className={styles.num}>{summary.voteCount > 0 ? '100%' : '–'}</td>
        </tr>
      </tfoot>
    </table>
  ) : undefined;

  return (
    <ChartFrame size={size} summary={ariaSummary} header={header} footer={legend} table={table} box={box} plotHeight={height} className={className}>
        {/*
          WARNING: recharts stacks bars in the order they were first mounted. The keyed
          chart remounts when the series change, so the label-carrying cap stays last.
        */}
      <BarChart width={box.width} height={height} key={series.map((s) => s.key).join('|') || 'total'} data={rows} layout="vertical" margin={margin} barSize={barH} accessibilityLayer={false}>
        <StylePatterns ids={ids} colors={colors} />
        {/* 1% headroom: the zero-width cap at the longest bar must stay inside the plot, or its label is dropped. */}
        <XAxis type="number" hide domain={[0, maxTotal * 1.01]} allowDataOverflow />
        <YAxis type="category" dataKey="optionId" width={1} interval={0} axisLine={false} tickLine={false} tick={OptionTick} />
        {split ? (
          series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stackId="votes"
              isAnimationActive={animated}
              animationDuration={ANIMATION_MS}
              shape={(props: BarShapeProps) => shiftedRect(props, () => (s.kind === 'hands' ? `url(#${ids.divided})` : seriesColor(s)))}
            >
              <LabelList dataKey={s.key} content={segmentLabel(seriesColor(s), s.name)} />
            </Bar>
          ))
        ) : (
          <Bar
            dataKey="count"
            name="Votes"
            stackId="votes"
            isAnimationActive={animated}
            animationDuration={ANIMATION_MS}
            shape={(props: BarShapeProps) => shiftedRect(props, (row) => fill(row.optionStyle))}
          />
        )}
        <Bar dataKey="cap" stackId="votes" minPointSize={1} fill="transparent" isAnimationActive={false} legendType="none">
          <LabelList dataKey="capLabel" content={valueLabel} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
