/**
 * The charts, loaded on first use: recharts is a large chunk, and a slide or a
 * reveal must never wait for it. Each wrapper keeps the page's layout steady with
 * a placeholder while the chunk loads. Types come from the real components.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import type * as Charts from './index';
import styles from './Charts.module.css';

const load = () => import('./index');

function lazyChart<P extends object>(name: string, pick: (charts: typeof Charts) => ComponentType<P>) {
  const Lazy = lazy(async () => ({ default: pick(await load()) })) as unknown as ComponentType<P>;
  function LazyChart(props: P) {
    return (
      <Suspense fallback={<div className={styles.placeholder} aria-busy="true" />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  LazyChart.displayName = `Lazy${name}`;
  return LazyChart;
}

export const LazyQuestionResultChart = lazyChart('QuestionResultChart', (charts) => charts.QuestionResultChart);
export const LazyRoomRadar = lazyChart('RoomRadar', (charts) => charts.RoomRadar);
export const LazyGroupLeanChart = lazyChart('GroupLeanChart', (charts) => charts.GroupLeanChart);
export const LazyLeaderAnswerChart = lazyChart('LeaderAnswerChart', (charts) => charts.LeaderAnswerChart);
export const LazyConsensusChart = lazyChart('ConsensusChart', (charts) => charts.ConsensusChart);

/** Starts loading the charts ahead of need, e.g. when voting opens, so the reveal is instant. */
export function preloadCharts(): void {
  void load();
}
