/** Writes docs/benchmarks.md from the benchmarks' results. */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem, freemem, loadavg, platform, release } from 'node:os';
import { dirname } from 'node:path';
import { bytes, type BenchResult, type Table } from './util';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  os: string;
  date: string;
  load: string;
}

export function describeMachine(): Machine {
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model ?? 'unknown',
    cores: cpuList.length,
    memory: `${bytes(totalmem())} (${bytes(freemem())} free at the start)`,
    node: process.version,
    os: `${platform()} ${release()}`,
    date: new Date().toISOString(),
    load: loadavg()
      .map((value) => value.toFixed(2))
      .join(' / '),
  };
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdownTable(table: Table): string {
  const lines: string[] = [];
  if (table.caption) lines.push(`${table.caption}.`, '');
  lines.push(`| ${table.headers.map(escapeCell).join(' | ')} |`);
  lines.push(`| ${table.headers.map(() => '---').join(' | ')} |`);
  for (const row of table.rows) lines.push(`| ${row.map(escapeCell).join(' | ')} |`);
  return lines.join('\n');
}

function verdict(met: boolean | null): string {
  return met === null ? 'not judged' : met ? '**met**' : '**not met**';
}

/** The 1-minute load average, sampled through the run. */
export interface LoadDuring {
  min: number;
  median: number;
  max: number;
  samples: number;
}

/** Samples the 1-minute load average every few seconds until stopped. */
export function sampleLoad(everyMs = 5000): () => LoadDuring {
  const values: number[] = [loadavg()[0] ?? 0];
  const timer = setInterval(() => values.push(loadavg()[0] ?? 0), everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    values.push(loadavg()[0] ?? 0);
    const sorted = [...values].sort((a, b) => a - b);
    return { min: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0, samples: sorted.length };
  };
}

export function renderReport(machine: Machine, results: BenchResult[], totalSeconds: number, load?: LoadDuring, findings: string[] = []): string {
  const loadAtEnd = loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  const out: string[] = [];
  out.push(
    '# Benchmarks',
    '',
    'Written by `npm run bench` (`npm run build && node --expose-gc out/main/bench.js`); do not edit by hand, run it again.',
    'The bench prints every figure as it goes and says whether each goal is met; it never fails on a figure, since a',
    'benchmark is not a test. Each benchmark runs in its own temporary data folder, removed afterwards.',
    '',
    'Options: `node --expose-gc out/main/bench.js --only store,tally` runs some of the benchmarks (store, tally, phones, hall,',
    'browser, big) and leaves this file alone; `PLENARY_CHROMIUM` names a Chromium other than /usr/bin/chromium (without one the',
    'browser benchmarks are skipped, saying so); `PLENARY_BENCH_HOST_ARGS` adds Node options to the host the bench starts',
    '(e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes). The hosts run from a copy of the build made',
    'at the start, so a rebuild during the run does not disturb it.',
    '',
    '## The machine of this run',
    '',
    '| | |',
    '| --- | --- |',
    `| CPU | ${machine.cpu} |`,
    `| Cores | ${machine.cores} |`,
    `| Memory | ${machine.memory} |`,
    `| Node | ${machine.node} |`,
    `| OS | ${machine.os} |`,
    `| Date | ${machine.date} |`,
    `| Load average at the start (1 / 5 / 15 min) | ${machine.load} |`,
    `| Load average at the end | ${loadAtEnd} |`,
    ...(load ? [`| Load average during the run (1 min, sampled every 5 s) | median ${load.median.toFixed(2)}, from ${load.min.toFixed(2)} to ${load.max.toFixed(2)} (${load.samples} samples) |`] : []),
    `| Command | \`npm run bench\` |`,
    `| Total time | ${Math.round(totalSeconds)} s |`,
    '',
    '**This machine is shared and noisy**: a virtual machine whose two cores and disk are shared with other work (a load',
    'average above 2 means other processes were competing for the two cores during the run),',
    'so figures move from run to run, sometimes by a lot. Where it matters, the bench compares against a baseline',
    'measured in the same run on the same machine (the disk\'s own floor, a bare Fastify server), and alternates the',
    'two so a slow spell hits both alike; read those ratios before the absolute times.',
    '',
    '## Goals',
    '',
    '| benchmark | goal | verdict | figure |',
    '| --- | --- | --- | --- |',
  );
  for (const result of results) {
    for (const goal of result.goals) out.push(`| ${escapeCell(result.title)} | ${escapeCell(goal.text)} | ${verdict(goal.met)} | ${escapeCell(goal.detail)} |`);
    for (const why of result.skipped) out.push(`| ${escapeCell(result.title)} | — | skipped | ${escapeCell(why)} |`);
    if (result.error) out.push(`| ${escapeCell(result.title)} | — | failed | ${escapeCell(result.error.split('\n')[0] ?? '')} |`);
  }
  const issue16 = results.flatMap((result) => result.goals.filter((goal) => (goal.issue ?? result.issue).includes('16')).map((goal) => ({ result, goal })));
  if (issue16.length > 0) {
    out.push(
      '',
      '## Issue 16: a hall, and the margins widened',
      '',
      `Every goal of issue 16, from this one run (\`npm run bench\`, ${machine.cpu}, ${machine.cores} cores, load average ${load ? `${load.median.toFixed(2)} median during the run, ${load.min.toFixed(2)} to ${load.max.toFixed(2)}` : `${machine.load} at the start`}), beside the floor it is measured against in the same run. The sections below say how each was taken.`,
      '',
      '| benchmark | goal | verdict | figure | floor, same run |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const { result, goal } of issue16) out.push(`| ${escapeCell(result.title)} | ${escapeCell(goal.text)} | ${verdict(goal.met)} | ${escapeCell(goal.detail)} | ${escapeCell(goal.floor ?? '—')} |`);
    if (findings.length > 0) {
      out.push('', 'What the profiles show for the goals not met (profiles taken while building this, not in this run; how to take them again is said in each):', '');
      for (const finding of findings) out.push(`- ${finding}`);
    }
  }
  for (const result of results) {
    out.push('', `## ${result.title} (${result.issue})`, '');
    if (result.method.length > 0) {
      out.push('How:', '');
      for (const paragraph of result.method) out.push(`- ${paragraph}`);
      out.push('');
    }
    for (const why of result.skipped) out.push(`Skipped: ${why}.`, '');
    if (result.error) out.push('It failed:', '', '```', result.error, '```', '');
    for (const table of result.tables) out.push(markdownTable(table), '');
    if (result.goals.length > 0) {
      out.push('Goals:', '');
      for (const goal of result.goals) out.push(`- ${goal.text}: ${verdict(goal.met)} (${goal.detail}).`);
      out.push('');
    }
    if (result.notes.length > 0) {
      out.push('Notes:', '');
      for (const note of result.notes) out.push(`- ${note}`);
      out.push('');
    }
    out.push(`It took ${result.seconds.toFixed(1)} s.`);
  }
  out.push('');
  return out.join('\n');
}

export async function writeReport(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}
