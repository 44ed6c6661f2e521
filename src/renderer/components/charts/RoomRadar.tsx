/**
 * The room's profile: for each dimension with votes, the share of leader-like
 * choices (0-100%) as a radar, with groups laid over it on demand. Dimensions
 * without votes stay off the radar (a spoke at 0% would read as "all manager-like")
 * and are named under it instead.
 */
import { useState } from 'react';
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart } from 'recharts';
import { formatShare, type GroupProfile, type RoomProfile } from '../../../shared/profile';
import {
  ANIMATION_MS,
  ChartFrame,
  DASHES,
  HtmlSwatch,
  prefersReducedMotion,
  textWidth,
  useChartBox,
  useChartColors,
  votesText,
  type ChartSize,
} from './chartKit';
import styles from './Charts.module.css';

export interface RoomRadarProps {
  room: RoomProfile;
  /** Groups that may be laid over the room; checkboxes appear when there are any. */
  groups?: readonly GroupProfile[];
  /** Groups laid over the room at first (ids). */
  initialOverlays?: readonly string[];
  size?: ChartSize;
  animate?: boolean;
  /** Hide the group checkboxes (the projector's compact radar). */
  showControls?: boolean;
  showTable?: boolean;
  /** A fixed height in pixels; by default it follows the width. */
  height?: number;
  className?: string;
}

/** The radar needs three spokes to draw a shape. */
const MIN_AXES = 3;

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export function RoomRadar({ room, groups = [], initialOverlays = [], size = 'screen', animate, showControls = true, showTable = true, height, className }: RoomRadarProps) {
  const colors = useChartColors(size);
  const box = useChartBox(size);
  const [overlays, setOverlays] = useState<ReadonlySet<string>>(() => new Set(initialOverlays));
  const animated = (animate ?? !prefersReducedMotion()) && size !== 'print';

  const withVotes = room.dimensions.filter((dimension) => dimension.leaderShare !== null);
  const withoutVotes = room.dimensions.filter((dimension) => dimension.leaderShare === null);
  const votingGroups = groups.filter((group) => group.counts.total > 0);
  const shown = votingGroups.filter((group) => overlays.has(group.groupId));
  const dashOf = (group: GroupProfile) => DASHES[(votingGroups.indexOf(group) % (DASHES.length - 1)) + 1] ?? '';

  const data = withVotes.map((dimension) => {
    const row: Record<string, string | number | null> = { dimension: dimension.name, room: pct(dimension.leaderShare) };
    for (const group of votingGroups) {
      const share = group.dimensions.find((d) => d.dimensionId === dimension.dimensionId)?.leaderShare ?? null;
      row[`g:${group.groupId}`] = pct(share);
    }
    return row;
  });

  const f = box.fontPx;
  const longest = Math.max(0, ...withVotes.map((dimension) => textWidth(dimension.name, f)));
  const chartHeight = height ?? Math.round(Math.min(Math.max(box.width * 0.62, 320), 760));
  // Room for the spoke labels on either side of the circle.
  const margin = { top: f * 2.6, bottom: f * 2.6, left: longest + 12, right: longest + 12 };
  const roomShare = new Map(withVotes.map((dimension) => [dimension.name, dimension.leaderShare]));

  const AngleTick = (props: { x?: number | string; y?: number | string; textAnchor?: string; payload?: { value?: unknown } }) => {
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const name = String(props.payload?.value ?? '');
    const above = y < chartHeight / 2 - 4;
    const anchor = (props.textAnchor as 'start' | 'middle' | 'end' | undefined) ?? 'middle';
    const first = above ? y - f * 1.05 : y + f * 0.35;
    return (
      <g>
        <text x={x} y={first} textAnchor={anchor} fontSize={f * 0.9} fontWeight={700} fill={colors.text}>
          {name}
        </text>
        <text x={x} y={first + f * 1.05} textAnchor={anchor} fontSize={f * 0.9} fontWeight={800} fill={colors.leader}>
          {formatShare(roomShare.get(name) ?? null)}
        </text>
      </g>
    );
  };

  const toggle = (groupId: string) =>
    setOverlays((previous) => {
      const next = new Set(previous);
      if (next.has(groupId)) next.delete(groupId);
      else next.add(groupId);
      return next;
    });

  const ariaSummary =
    'Room profile, share of leader-like choices per dimension: ' +
    (withVotes.length > 0 ? withVotes.map((d) => `${d.name} ${formatShare(d.leaderShare)}`).join(', ') : 'no votes yet') +
    '.' +
    (withoutVotes.length > 0 && withVotes.length > 0 ? ` No votes yet on ${withoutVotes.map((d) => d.name).join(', ')}.` : '') +
    shown.map((group) => ` ${group.name}: ${withVotes.map((d) => `${d.name} ${formatShare(group.dimensions.find((x) => x.dimensionId === d.dimensionId)?.leaderShare ?? null)}`).join(', ')}.`).join('');

  const controls =
    showControls && votingGroups.length > 0 ? (
      <fieldset className={styles.controls}>
        <legend>Lay a group over the room</legend>
        {votingGroups.map((group) => (
          <label key={group.groupId}>
            <input type="checkbox" checked={overlays.has(group.groupId)} onChange={() => toggle(group.groupId)} />
            <HtmlSwatch color={group.color} dash={dashOf(group)} />
            {group.name}
          </label>
        ))}
      </fieldset>
    ) : null;

  const legend = (
    <>
      {shown.length > 0 && (
        <ul className={styles.legend} aria-hidden="true">
          <li>
            <HtmlSwatch color={colors.leader} />
            Whole room (% leader-like choices)
          </li>
          {shown.map((group) => (
            <li key={group.groupId}>
              <HtmlSwatch color={group.color} dash={dashOf(group)} />
              {group.name}
            </li>
          ))}
        </ul>
      )}
      {withoutVotes.length > 0 && withVotes.length >= MIN_AXES && (
        <p className={styles.note}>No votes yet on {withoutVotes.map((d) => d.name).join(', ')}.</p>
      )}
      {controls}
    </>
  );

  const table = showTable ? (
    <table>
      <caption>Share of leader-like choices per dimension</caption>
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col">Leader-like side</th>
          <th scope="col">Manager-like side</th>
          <th scope="col" className={styles.num}>
            Room
          </th>
          <th scope="col" className={styles.num}>
            Votes
          </th>
          {votingGroups.map((group) => (
            <th key={group.groupId} scope="col" className={styles.num}>
              {group.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {room.dimensions.map((dimension) => (
          <tr key={dimension.dimensionId}>
            <th scope="row">{dimension.name}</th>
            <td>{dimension.leaderSide}</td>
            <td>{dimension.managerSide}</td>
            <td className={styles.num}>{formatShare(dimension.leaderShare)}</td>
            <td className={styles.num}>{dimension.counts.total}</td>
            {votingGroups.map((group) => (
              <td key={group.groupId} className={styles.num}>
                {formatShare(group.dimensions.find((d) => d.dimensionId === dimension.dimensionId)?.leaderShare ?? null)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  ) : undefined;

  if (withVotes.length < MIN_AXES) {
    return (
      <ChartFrame size={size} summary={ariaSummary} table={table} box={box} className={className} footer={controls}>
        <div className={styles.fallback}>
          {withVotes.length === 0
            ? 'The room profile appears once votes are revealed.'
            : `The radar needs revealed votes on at least ${MIN_AXES} dimensions. So far:`}
          {withVotes.length > 0 && (
            <ul>
              {withVotes.map((d) => (
                <li key={d.dimensionId}>
                  {d.name}: {formatShare(d.leaderShare)} leader-like ({votesText(d.counts.total)})
                </li>
              ))}
            </ul>
          )}
        </div>
      </ChartFrame>
    );
  }

  return (
    <ChartFrame size={size} summary={ariaSummary} table={table} footer={legend} box={box} plotHeight={chartHeight} className={className}>
      <RadarChart width={box.width} height={chartHeight} data={data} outerRadius="92%" margin={margin} accessibilityLayer={false}>
        <PolarGrid stroke={colors.border} strokeWidth={1.5} />
        <PolarAngleAxis dataKey="dimension" tick={AngleTick} />
        <PolarRadiusAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          angle={90 - 180 / withVotes.length}
          tickFormatter={(value: number) => (value === 0 ? '' : `${value}%`)}
          tick={{ fontSize: f * 0.75, fill: colors.muted }}
          axisLine={false}
        />
        <Radar
          name="Whole room"
          dataKey="room"
          stroke={colors.leader}
          strokeWidth={4}
          fill={colors.leader}
          fillOpacity={0.22}
          dot={{ r: 5, fill: colors.leader, strokeWidth: 0 }}
          isAnimationActive={animated}
          animationDuration={ANIMATION_MS}
        />
        {shown.map((group) => (
          <Radar
            key={group.groupId}
            name={group.name}
            dataKey={`g:${group.groupId}`}
            stroke={group.color}
            strokeWidth={3}
            strokeDasharray={dashOf(group)}
            fill="none"
            dot={{ r: 4, fill: group.color, strokeWidth: 0 }}
            connectNulls
            isAnimationActive={animated}
            animationDuration={ANIMATION_MS}
          />
        ))}
      </RadarChart>
    </ChartFrame>
  );
}
