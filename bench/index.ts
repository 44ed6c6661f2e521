/**
 * `npm run bench`: builds, then runs every benchmark, prints each figure and
 * whether each goal is met, and writes docs/benchmarks.md. A benchmark, never a
 * test: a missed goal does not fail the process; a benchmark that breaks does.
 *
 * `node --expose-gc out/main/bench.js --only store,tally` runs some of them and
 * leaves docs/benchmarks.md alone (names: store, tally, phones, hall, browser, big).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBigSession } from './bigSession';
import { benchBrowser } from './browser';
import { benchHall } from './hall';
import { removeBuiltApp } from './childHost';
import { benchPhones } from './phones';
import { issue16Findings } from './issue16';
import { describeMachine, renderReport, sampleLoad, writeReport } from './report';
import { benchStoreWrites } from './storeWrites';
import { benchTally } from './tally';
import { emptyResult, now, repoRoot, say, type BenchResult } from './util';

interface Bench {
  name: string;
  title: string;
  issue: string;
  run: () => Promise<BenchResult | BenchResult[]>;
}

const benches: Bench[] = [
  { name: 'store', title: 'Store writes', issue: 'issue 2', run: benchStoreWrites },
  { name: 'tally', title: 'Tally linearity', issue: 'issue 5', run: benchTally },
  { name: 'phones', title: 'Phones burst', issue: 'issue 7', run: benchPhones },
  { name: 'hall', title: 'A hall: 10,000 phones', issue: 'issue 16', run: benchHall },
  { name: 'browser', title: 'Browser', issue: 'issues 4, 5, 6', run: benchBrowser },
  { name: 'big', title: 'A session of 100,000 votes', issue: 'issue 16', run: benchBigSession },
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !benches.some((bench) => bench.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`No benchmark named ${unknown.join(', ')}; there are ${benches.map((b) => b.name).join(', ')}.`);
  const machine = describeMachine();
  console.log(`Plenary benchmarks: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, Node ${machine.node}, ${machine.date}`);
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with node --expose-gc for a garbage collection between measurements)');
  const started = now();
  const stopLoad = sampleLoad();
  const results: BenchResult[] = [];
  let broken = false;
  for (const bench of benches) {
    if (only && !only.includes(bench.name)) continue;
    console.log(`\n== ${bench.title} (${bench.issue})`);
    const benchStarted = now();
    try {
      const outcome = await bench.run();
      const list = Array.isArray(outcome) ? outcome : [outcome];
      if (!Array.isArray(outcome)) outcome.seconds = (now() - benchStarted) / 1000;
      results.push(...list);
      if (list.some((result) => result.error)) broken = true;
    } catch (error) {
      broken = true;
      const failed = emptyResult(bench.name, bench.title, bench.issue);
      failed.error = (error as Error).stack ?? String(error);
      failed.seconds = (now() - benchStarted) / 1000;
      results.push(failed);
      say(bench.name, `failed: ${failed.error}`);
    }
  }
  await removeBuiltApp();
  const totalSeconds = (now() - started) / 1000;
  const load = stopLoad();
  console.log(`Load average during the run (1 min): median ${load.median.toFixed(2)}, ${load.min.toFixed(2)} to ${load.max.toFixed(2)}`);
  console.log('\n== Goals');
  for (const result of results) {
    for (const goal of result.goals) console.log(`${goal.met === null ? 'NOT JUDGED' : goal.met ? 'MET     ' : 'NOT MET '}  ${result.title}: ${goal.text} (${goal.detail})`);
    for (const why of result.skipped) console.log(`SKIPPED   ${result.title}: ${why}`);
    if (result.error) console.log(`FAILED    ${result.title}: ${result.error.split('\n')[0]}`);
  }
  console.log(`\nAll benchmarks took ${totalSeconds.toFixed(0)} s.`);
  if (only) {
    console.log('Only some benchmarks ran (--only): docs/benchmarks.md was left as it was.');
  } else {
    const path = join(repoRoot, 'docs', 'benchmarks.md');
    await writeReport(path, renderReport(machine, results, totalSeconds, load, issue16Findings));
    console.log(`Wrote ${path}`);
  }
  if (broken) process.exitCode = 1;
}

main().then(
  // The servers' and Chromium's handles are closed; anything left (a stray timer) must not keep us.
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
