/**
 * The results charts. Importing this module pulls in recharts: views that must not
 * wait for it (the projector's slides) import `./lazy` instead.
 */
export { QuestionResultChart, type QuestionResultChartProps } from './QuestionResultChart';
export { RoomRadar, type RoomRadarProps } from './RoomRadar';
export { GroupLeanChart, LeaderAnswerChart, type GroupChartProps } from './GroupLeanChart';
export { ConsensusChart, scenarioName, type ConsensusChartProps } from './ConsensusChart';
export type { ChartSize } from './chartKit';
export { CompareRadar, seriesColor, type CompareRadarProps, type CompareRadarAxis } from './CompareRadar';
