/**
 * The charts, loaded on first use: recharts is a large chunk, and a slide or a
 * reveal must never wait for it. Each wrapper keeps the page's layout steady with
 * a placeholder while the chunk loads; once it is here (see `preloadCharts`), the
 * charts render straight away, without a Suspense round. Types come from the real
 * components.
 */
import { Suspense, type ComponentType } from 'react';
import { lazyModule } from '../lazyModule';
import type * as Charts from './index';
import styles from './Charts.module.css';

const charts = lazyModule<typeof Charts>(() => import('./index'));

function lazyChart<P extends object>(name: string, pick: (module: typeof Charts) => ComponentType<P>) {
  const Chart = charts.component(pick, name);
  function LazyChart(props: P) {
    return (
      <Suspense fallback={<div className={styles.placeholder} aria-busy="true" />}>
        <Chart {...props} />
      </Suspense>
    );
  }
  LazyChart.displayName = `Lazy${name}`;
  return LazyChart;
}

export const LazyQuestionResultChart = lazyChart('QuestionResultChart', (module) => module.QuestionResultChart);
export const LazyRoomRadar = lazyChart('RoomRadar', (module) => module.RoomRadar);
export const LazyGroupLeanChart = lazyChart('GroupLeanChart', (module) => module.GroupLeanChart);
export const LazyLeaderAnswerChart = lazyChart('LeaderAnswerChart', (module) => module.LeaderAnswerChart);
export const LazyConsensusChart = lazyChart('ConsensusChart', (module) => module.ConsensusChart);

/** Starts loading the charts ahead of need, e.g. when voting opens, so the reveal is instant. */
export function preloadCharts(): Promise<void> {
  return charts.preload().then(
    () => undefined,
    () => undefined,
  );
}
