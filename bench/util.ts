/**
 * Small helpers shared by the benchmarks: statistics, clocks, temp folders, the
 * shape of a result that the report turns into docs/benchmarks.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's root: bench.js is built to out/main/bench.js. */
export const repoRoot = resolve(import.meta.dirname, '..', '..');
/** The built main bundle's folder (serve.js sits beside bench.js). */
export const outMain = import.meta.dirname;

/** A monotonic clock in milliseconds, sub-millisecond resolution. */
export const now = (): number => performance.now();

/** The q-quantile (0..1) of some numbers, by linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (position - low);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const p99 = (values: readonly number[]): number => quantile(values, 0.99);

/** Milliseconds for people: 0.412 ms, 12.3 ms, 1,234 ms. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a';
}

export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function bytes(value: number): string {
  if (value < 1024) return `${value} B`;
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KiB`;
  return `${(value / 1024 / 1024).toFixed(1)} MiB`;
}

export const sleep = (milliseconds: number): Promise<void> => new Promise((done) => setTimeout(done, milliseconds));

/** Runs `body` in a fresh temp folder, removed afterwards whatever happens. */
export async function withTempDir<T>(prefix: string, body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `plenary-bench-${prefix}-`));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Collects garbage between measurements when node runs with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A small deterministic random source (mulberry32), so every run votes the same way. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- results

export interface Table {
  caption?: string;
  headers: string[];
  rows: string[][];
}

export interface Goal {
  /** The goal as the issue states it. */
  text: string;
  /** null when it could not be judged (skipped, or the run failed). */
  met: boolean | null;
  /** The figure that decides it. */
  detail: string;
  /** The issue whose goal this is, when it is not the benchmark's own (issue 16 widened several). */
  issue?: string;
  /** What the figure is measured against in the same run (a bare server, a quiet spell), when there is such a floor. */
  floor?: string;
}

/** One benchmark's outcome: what the report prints for it. */
export interface BenchResult {
  id: string;
  title: string;
  issue: string;
  /** What is measured and how, in a few sentences (Markdown). */
  method: string[];
  tables: Table[];
  goals: Goal[];
  notes: string[];
  /** Why it (or part of it) did not run. */
  skipped: string[];
  /** An error that stopped it, if any. */
  error?: string;
  seconds: number;
}

export function emptyResult(id: string, title: string, issue: string): BenchResult {
  return { id, title, issue, method: [], tables: [], goals: [], notes: [], skipped: [], seconds: 0 };
}

/** Prints a line to the console, prefixed with the benchmark's id. */
export function say(id: string, text: string): void {
  console.log(`[${id}] ${text}`);
}

/** Prints a goal as met / not met, and records it. */
export function judge(result: BenchResult, goal: Goal): void {
  result.goals.push(goal);
  const verdict = goal.met === null ? 'NOT JUDGED' : goal.met ? 'MET' : 'NOT MET';
  say(result.id, `goal: ${goal.text}: ${verdict} (${goal.detail})`);
}

/** Prints a table to the console, aligned. */
export function printTable(id: string, table: Table): void {
  const widths = table.headers.map((header, column) => Math.max(header.length, ...table.rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  if (table.caption) say(id, table.caption);
  say(id, `  ${line(table.headers)}`);
  for (const row of table.rows) say(id, `  ${line(row)}`);
}
