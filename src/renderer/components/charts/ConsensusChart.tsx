/**
 * Scenarios ranked from most divided to most agreed, by the share of the most
 * chosen answer (see src/shared/profile.ts for why that measure), so the
 * facilitator can pick what to discuss. Divided ones are hatched and say so.
 */
import { Bar, BarChart, ReferenceLine, YAxis, type BarShapeProps } from 'recharts';
import { DIVIDED_BELOW, formatShare, type QuestionSummary } from '../../../shared/profile';
import {
  ANIMATION_MS,
  ChartFrame,
  prefersReducedMotion,
  shareAxis,
  halo,
  StylePatterns,
  textWidth,
  useChartBox,
  useChartColors,
  usePatternIds,
  votesText,
  wrapText,
  type ChartSize,
} from './chartKit';
import styles from './Charts.module.css';

export interface ConsensusChartProps {
  /** Summaries already ranked (`consensusRanking`), most divided first. */
  ranked: readonly QuestionSummary[];
  size?: ChartSize;
  animate?: boolean;
  showTable?: boolean;
  /** Makes each scenario in the table a button, e.g. to scroll to its chart (hash links are routes here). */
  onSelect?: (summary: QuestionSummary) => void;
  className?: string;
}

/** A scenario's short name: its slide title, else its prompt. */
export function scenarioName(summary: QuestionSummary): string {
  return summary.title.trim() || summary.question.prompt;
}

/** "B", or "A / B" on a tie. */
function topLetters(summary: QuestionSummary): string {
  return summary.options
    .filter((option) => summary.majorityOptionIds.includes(option.id))
    .map((option) => option.letter)
    .join(' / ');
}

/** WARNING: recharts spreads each row into the bar's SVG props: no `id`, `style` or `label` fields. */
interface ConsensusRow {
  questionKey: string;
  value: number;
  divided: boolean;
  text: string;
}

export function ConsensusChart({ ranked, size = 'screen', animate, showTable = true, onSelect, className }: ConsensusChartProps) {
  const colors = useChartColors(size);
  const ids = usePatternIds();
  const box = useChartBox(size);
  const f = box.fontPx;
  const animated = (animate ?? !prefersReducedMotion()) && size !== 'print';

  const names = ranked.map(scenarioName);
  const axisWidth = Math.ceil(Math.min(box.width * 0.4, Math.max(textWidth('Scenario 10', f * 0.85), ...names.map((name) => textWidth(name, f * 0.85))) + 12));
  const band = f * 2.1;
  const axisHeight = f * 1.9;
  const margin = { top: f * 1.4, right: textWidth('100% chose A / B · divided', f * 0.8) + 16, bottom: 4, left: 4 };
  const height = Math.round(ranked.length * band + axisHeight + margin.top + margin.bottom);

  const rows: ConsensusRow[] = ranked.map((summary) => ({
    questionKey: summary.questionId,
    value: Math.round((summary.majorityShare ?? 0) * 1000) / 10,
    divided: summary.divided,
    text: `${formatShare(summary.majorityShare)} chose ${topLetters(summary)}${summary.divided ? ' · divided' : ''}`,
  }));

  const NameTick = (props: { x?: number | string; y?: number | string; payload?: { index?: number } }) => {
    const index = props.payload?.index ?? -1;
    const name = names[index];
    if (name === undefined) return null;
    const [line = ''] = wrapText(name, axisWidth - 6, f * 0.85 * 1.15, 1);
    return (
      <text x={Number(props.x ?? 0) - 6} y={Number(props.y ?? 0)} textAnchor="end" dominantBaseline="central" fontSize={f * 0.85} fontWeight={700} fill={colors.text}>
        <title>{ranked[index]?.question.prompt}</title>
        {line}
      </text>
    );
  };

  // The bar and its figure, drawn together: a LabelList would add a layer of
  // recharts components per row, a measurable share of drawing the results page.
  const shape = (props: BarShapeProps) => {
    const width = Math.max(0, Number(props.width ?? 0));
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const barHeight = Number(props.height ?? 0);
    const row = props.payload as ConsensusRow | undefined;
    if (!row) return <g />;
    return (
      <g>
        {width > 0 && <rect x={x} y={y} width={width} height={barHeight} fill={row.divided ? `url(#${ids.divided})` : colors.accent} stroke={colors.text} strokeWidth={1} />}
        <text x={x + width + 10} y={y + barHeight / 2} dominantBaseline="central" fontSize={f * 0.8} fontWeight={row.divided ? 800 : 600} fill={colors.text} {...halo(colors)}>
          {row.text}
        </text>
      </g>
    );
  };

  const ariaSummary =
    ranked.length === 0
      ? 'No scenario has revealed votes yet.'
      : `Scenarios from most divided to most agreed: ${ranked.map((summary, index) => `${scenarioName(summary)}, ${rows[index]?.text}`).join('; ')}.`;

  const table = showTable ? (
    <table>
      <caption>Scenarios from most divided to most agreed</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.num}>
            Rank
          </th>
          <th scope="col">Scenario</th>
          <th scope="col" className={styles.num}>
            Votes
          </th>
          <th scope="col">Most chosen</th>
          <th scope="col" className={styles.num}>
            Majority share
          </th>
          <th scope="col" className={styles.num} title="0 = everyone agrees, 1 = votes spread evenly">
            Spread (entropy 0–1)
          </th>
          <th scope="col">Divided?</th>
        </tr>
      </thead>
      <tbody>
        {ranked.map((summary, index) => (
          <tr key={summary.questionId}>
            <td className={styles.num}>{index + 1}</td>
            <th scope="row">
              {onSelect ? (
                <button type="button" className={styles.linkButton} onClick={() => onSelect(summary)}>
                  {scenarioName(summary)}
                </button>
              ) : (
                scenarioName(summary)
              )}
            </th>
            <td className={styles.num}>{summary.voteCount}</td>
            <td>{topLetters(summary)}</td>
            <td className={styles.num}>{formatShare(summary.majorityShare)}</td>
            <td className={styles.num}>{summary.entropy === null ? '–' : summary.entropy.toFixed(2)}</td>
            <td>{summary.divided ? 'Divided' : 'Agreed'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  ) : undefined;

  if (ranked.length === 0) {
    return (
      <ChartFrame size={size} summary={ariaSummary} box={box} className={className}>
        <p className={styles.fallback}>The ranking appears once a scenario’s votes are revealed.</p>
      </ChartFrame>
    );
  }

  const dividedPercent = DIVIDED_BELOW * 100;
  return (
    <ChartFrame
      size={size}
      summary={ariaSummary}
      table={table}
      box={box}
      plotHeight={height}
      className={className}
      footer={
        <p className={styles.note}>
          Bar: share of the most chosen answer ({votesText(ranked.reduce((sum, summary) => sum + summary.voteCount, 0))} in all). Hatched: divided, no answer
          reached {dividedPercent}%.
        </p>
      }
    >
      <BarChart width={box.width} height={height} data={rows} layout="vertical" margin={margin} barSize={f * 1.3} accessibilityLayer={false}>
        <StylePatterns ids={ids} colors={colors} />
        {shareAxis(f, axisHeight, colors)}
        <YAxis type="category" dataKey="questionKey" width={axisWidth} interval={0} axisLine={false} tickLine={false} tick={NameTick} />
        <ReferenceLine
          // Under the bars and their figures (drawn at the bars' level), over the grid.
          zIndex={250}
          x={dividedPercent}
          stroke={colors.text}
          strokeWidth={2}
          strokeDasharray="6 5"
          label={{ value: `${dividedPercent}%`, position: 'top', fill: colors.text, fontSize: f * 0.8, fontWeight: 700 }}
        />
        <Bar dataKey="value" minPointSize={1} isAnimationActive={animated} animationDuration={ANIMATION_MS} shape={shape} />
      </BarChart>
    </ChartFrame>
  );
}
