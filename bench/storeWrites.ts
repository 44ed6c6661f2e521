/**
 * Issue 2: acknowledged writes through the real store against the floor of the
 * same disk, measured in the same run with the same payload; and whether
 * concurrent writes to one session coalesce.
 */
import { fdatasync, openSync, closeSync, watch, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { questionsOf, type SessionRecord } from '../src/shared/model';
import { openStore, SESSIONS_DIR, type StorePort } from '../src/core/store/store';
import { benchWorkshop, GROUP_COUNT, syntheticVotes } from './workshop';
import { bytes, collectGarbage, count, emptyResult, judge, median, ms, now, p99, printTable, ratio, say, sleep, withTempDir, type BenchResult } from './util';
import { sampleSessionRecord } from '../src/core/testing/sessionRecord';

const WARM_UP = 30;
const WRITES = 300;
const CONCURRENT = 200;

function sessionRecord(id: string, voteCount: number): SessionRecord {
  const content = benchWorkshop();
  const groups = Array.from({ length: GROUP_COUNT }, (_, index) => ({
    id: `g${index + 1}`,
    name: `Group ${index + 1}`,
    color: '#0072b2',
    size: 6,
  }));
  const questions = questionsOf(content.slides);
  return sampleSessionRecord({
    id,
    workshopId: 'wbench',
    workshopTitle: content.title,
    title: 'Store benchmark',
    facilitator: 'Bench',
    status: 'active',
    joinCode: 'BENCH2',
    slideIndex: 1,
    votingMode: 'phones',
    groups,
    slides: content.slides,
    dimensions: content.dimensions,
    questions: Object.fromEntries(questions.map((q) => [q.id, { status: 'closed', revealed: true, closesAt: null }])),
    votes: syntheticVotes(
      questions,
      voteCount,
      groups.map((g) => g.id),
    ),
  });
}

/**
 * The floor: the same system calls as the store's durable write, with nothing
 * else: open a temp file, write the bytes, fsync, close, rename over the target,
 * open the folder, fsync it, close. With `backup`, the target is first renamed to
 * a backup name, as the store does to keep the last good version.
 */
async function floorWrite(dir: string, target: string, text: string, serial: number, backup: boolean): Promise<void> {
  const temp = join(dir, `.floor.${serial}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  await handle.writeFile(text, 'utf8');
  await handle.sync();
  await handle.close();
  if (backup) await rename(target, `${target}.bak`).catch(() => undefined);
  await rename(temp, target);
  const folder = await open(dir, 'r');
  await folder.sync();
  await folder.close();
}

interface Series {
  name: string;
  latencies: number[];
  run: (serial: number) => Promise<void>;
}

/**
 * Runs each series' warm-up, then WRITES calls of each, interleaved call by call,
 * so a slow spell of the shared disk hits every series alike. Each call gets the
 * next serial number, from 1.
 */
async function runInterleaved(series: Series[]): Promise<void> {
  let serial = 1;
  for (const entry of series) for (let i = 0; i < WARM_UP; i += 1) await entry.run(serial++);
  collectGarbage();
  for (let i = 0; i < WRITES; i += 1) {
    for (const entry of series) {
      const start = now();
      await entry.run(serial++);
      entry.latencies.push(now() - start);
    }
  }
}

async function measurePayload(result: BenchResult, dir: string, label: string, voteCount: number): Promise<{ storeMedian: number; floorMedian: number }> {
  const storeDir = join(dir, 'store');
  const floorDir = join(dir, 'floor');
  await mkdir(floorDir, { recursive: true });
  const store = await openStore(storeDir);
  try {
    const id = `sbench${voteCount}`;
    await store.addSession(sessionRecord(id, voteCount));
    // One change of constant size per write, so every write carries the same bytes.
    const change = (serial: number) => (record: SessionRecord) => {
      record.updatedAt = new Date(Date.UTC(2026, 0, 15, 9, 0, 0, 0) + serial * 1000).toISOString();
    };
    await store.updateSession(id, change(0));
    const payload = await readFile(join(storeDir, SESSIONS_DIR, `${id}.json`), 'utf8');
    const floorTarget = join(floorDir, 'floor.json');
    const floorBackupTarget = join(floorDir, 'floor-with-backup.json');
    const series: Series[] = [
      { name: 'floor: temp write + fsync + rename + folder fsync', latencies: [], run: (n) => floorWrite(floorDir, floorTarget, payload, n, false) },
      { name: 'floor + the backup rename the store also does', latencies: [], run: (n) => floorWrite(floorDir, floorBackupTarget, payload, n, true) },
      { name: 'store: updateSession, acknowledged', latencies: [], run: (n) => store.updateSession(id, change(n)) },
    ];
    await runInterleaved(series);
    const [floor, floorBackup, storeSeries] = series as [Series, Series, Series];
    const perSecond = (latencies: number[]) => (latencies.length * 1000) / latencies.reduce((sum, value) => sum + value, 0);
    const floorMedian = median(floor.latencies);
    const storeMedian = median(storeSeries.latencies);
    // What the store does beyond the floor's system calls, timed alone: serialising the session.
    const parsed: unknown = JSON.parse(payload);
    const timeStringify = (indent: number | undefined) => {
      const times: number[] = [];
      for (let i = 0; i < 20; i += 1) JSON.stringify(parsed, null, indent);
      for (let i = 0; i < 100; i += 1) {
        const start = now();
        JSON.stringify(parsed, null, indent);
        times.push(now() - start);
      }
      return times;
    };
    const stringify = timeStringify(1);
    const compact = timeStringify(undefined);
    const rows = series.map((entry) => [
      entry.name,
      count(perSecond(entry.latencies)),
      ms(median(entry.latencies)),
      ms(p99(entry.latencies)),
      ratio(median(entry.latencies) / floorMedian),
      ratio(perSecond(floor.latencies) / perSecond(entry.latencies)),
    ]);
    rows.push(
      ['(attribution) the store\'s JSON.stringify(data, null, 1) of this session, no disk', '—', ms(median(stringify)), ms(p99(stringify)), '—', '—'],
      ['(for comparison) JSON.stringify(data) without indentation', '—', ms(median(compact)), ms(p99(compact)), '—', '—'],
    );
    const table = {
      caption: `${label}: payload ${bytes(Buffer.byteLength(payload))} (${count(voteCount)} votes in the session file), ${WRITES} sequential writes per row, interleaved with the other rows, after ${WARM_UP} warm-up`,
      headers: ['what', 'writes/s', 'median', 'p99', 'median vs floor', 'throughput: floor / this'],
      rows,
    };
    result.tables.push(table);
    printTable(result.id, table);
    judge(result, {
      text: `${label}: the median acknowledged write within 1.2× the floor of the same disk`,
      met: storeMedian <= 1.2 * floorMedian,
      detail: `store ${ms(storeMedian)} vs floor ${ms(floorMedian)}: ${ratio(storeMedian / floorMedian)}; against the floor with the backup rename ${ratio(storeMedian / median(floorBackup.latencies))}`,
    });
    judge(result, {
      text: `${label}: acknowledged writes per second within 1.2× the floor's`,
      met: perSecond(floor.latencies) <= 1.2 * perSecond(storeSeries.latencies),
      detail: `store ${count(perSecond(storeSeries.latencies))}/s vs floor ${count(perSecond(floor.latencies))}/s: the floor does ${ratio(perSecond(floor.latencies) / perSecond(storeSeries.latencies))} as many`,
    });
    result.notes.push(
      `${label}: the store's median write is ${ms(storeMedian)} against ${ms(floorMedian)} for the floor and ${ms(median(floorBackup.latencies))} for the floor with the backup rename; serialising the session (\`JSON.stringify(data, null, 1)\`) alone takes ${ms(median(stringify))} of it (${ms(median(compact))} without indentation). The rest of the difference is not broken down here (lowdb, encoding a fresh string rather than the floor's same one, garbage collection).`,
    );
    return { storeMedian, floorMedian };
  } finally {
    await store.close();
  }
}

/**
 * A vote, acknowledged: `castVote` appends one line to the session's vote log and
 * fdatasyncs it. The floor is the same two system calls on an open file, with a
 * line of the same length, and nothing else.
 */
async function measureVoteAppend(result: BenchResult, dir: string): Promise<void> {
  const store = await openStore(join(dir, 'votes-store'));
  await mkdir(join(dir, 'votes-floor'), { recursive: true });
  const floorFd = openSync(join(dir, 'votes-floor', 'floor.votes.jsonl'), 'a', 0o600);
  try {
    const id = 'sbenchvote';
    const record = sessionRecord(id, 0);
    await store.addSession(record);
    const question = questionsOf(record.slides)[0]!;
    const voteAt = (serial: number) => ({
      questionId: question.id,
      voterId: `phone-${String(serial).padStart(6, '0')}`,
      voterKind: 'device' as const,
      groupId: null,
      optionId: question.options[serial % question.options.length]!.id,
      at: new Date(Date.UTC(2026, 0, 15, 9, 0, 0, 0) + serial).toISOString(),
    });
    // Made before timing: what the caller hands over is not the store's work.
    const votes = Array.from({ length: 2 * (WARM_UP + WRITES) + 2 }, (_, serial) => voteAt(serial));
    const line = `${JSON.stringify(votes[0])}\n`;
    const floorAppend = () =>
      new Promise<void>((resolve, reject) => {
        writeSync(floorFd, line);
        fdatasync(floorFd, (error) => (error ? reject(error) : resolve()));
      });
    const series: Series[] = [
      { name: 'floor: write one line + fdatasync, on an open file', latencies: [], run: () => floorAppend() },
      { name: 'store: castVote, acknowledged (a new voter each time)', latencies: [], run: (n) => store.castVote(id, votes[n]!) },
    ];
    await runInterleaved(series);
    const [floor, storeSeries] = series as [Series, Series];
    const floorMedian = median(floor.latencies);
    const storeMedian = median(storeSeries.latencies);
    const table = {
      caption: `A vote: ${bytes(Buffer.byteLength(line))} per line, ${WRITES} sequential writes per row, interleaved, after ${WARM_UP} warm-up`,
      headers: ['what', 'median', 'p99', 'median vs floor'],
      rows: series.map((entry) => [entry.name, ms(median(entry.latencies)), ms(p99(entry.latencies)), ratio(median(entry.latencies) / floorMedian)]),
    };
    result.tables.push(table);
    printTable(result.id, table);
    judge(result, {
      text: 'A vote: the median acknowledged castVote within 1.2× the floor of the same disk (one line appended + fdatasync)',
      met: storeMedian <= 1.2 * floorMedian,
      detail: `store ${ms(storeMedian)} vs floor ${ms(floorMedian)}: ${ratio(storeMedian / floorMedian)}`,
    });
  } finally {
    closeSync(floorFd);
    await store.close();
  }
}

/**
 * Counts flushes from outside the store: each flush creates exactly one temp file
 * with a fresh name (`.<id>.json.<pid>.<n>.tmp`) before renaming it, and the
 * kernel's file watcher (inotify) reports every name created in the folder.
 */
async function countFlushes(folder: string, body: () => Promise<void>): Promise<number> {
  const names = new Set<string>();
  const watcher = watch(folder, (_event, name) => {
    if (name && String(name).endsWith('.tmp')) names.add(String(name));
  });
  try {
    await sleep(50);
    await body();
    await sleep(200);
  } finally {
    watcher.close();
  }
  return names.size;
}

async function measureCoalescing(result: BenchResult, dir: string): Promise<void> {
  const storeDir = join(dir, 'coalesce');
  let store: StorePort | null = await openStore(storeDir);
  try {
    const id = 'sbenchco';
    await store.addSession(sessionRecord(id, 0));
    const folder = join(storeDir, SESSIONS_DIR);
    const opened = store;
    let sequentialTime = 0;
    const sequentialFlushes = await countFlushes(folder, async () => {
      const start = now();
      for (let i = 0; i < CONCURRENT; i += 1) await opened.updateSession(id, (record) => void (record.notes[`s${i}`] = `sequential ${i}`));
      sequentialTime = now() - start;
    });
    let concurrentTime = 0;
    const concurrentFlushes = await countFlushes(folder, async () => {
      const start = now();
      await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) => opened.updateSession(id, (record) => void (record.notes[`c${i}`] = `concurrent ${i}`))),
      );
      concurrentTime = now() - start;
    });
    await store.close();
    store = null;
    // Every acknowledged change must be in the file on disk, read afresh.
    const onDisk = JSON.parse(await readFile(join(folder, `${id}.json`), 'utf8')) as { session: SessionRecord };
    const found = Array.from({ length: CONCURRENT }, (_, i) => onDisk.session.notes[`c${i}`] === `concurrent ${i}`).filter(Boolean).length;
    const table = {
      caption: `${CONCURRENT} updateSession calls on one session (fresh-session payload)`,
      headers: ['how', 'elapsed', 'flushes seen', 'changes on disk'],
      rows: [
        ['sequential (each awaited)', ms(sequentialTime), count(sequentialFlushes), '—'],
        ['concurrent (Promise.all)', ms(concurrentTime), count(concurrentFlushes), `${found} / ${CONCURRENT}`],
      ],
    };
    result.tables.push(table);
    printTable(result.id, table);
    say(result.id, `concurrent / sequential elapsed: ${ratio(concurrentTime / sequentialTime)}`);
    judge(result, {
      text: `concurrent writes to one session coalesce: ${CONCURRENT} concurrent calls need at most 2 flushes (calls made together share a flush; calls that come while one is on the disk share the next), and every change is on disk`,
      met: concurrentFlushes <= 2 && concurrentFlushes >= 1 && found === CONCURRENT && sequentialFlushes === CONCURRENT,
      detail: `${concurrentFlushes} flush${concurrentFlushes === 1 ? '' : 'es'} for ${CONCURRENT} concurrent calls (${sequentialFlushes} for ${CONCURRENT} sequential ones, which checks the counter), ${found}/${CONCURRENT} changes on disk, ${ms(concurrentTime)} vs ${ms(sequentialTime)} sequential`,
    });
  } finally {
    await store?.close();
  }
}

export async function benchStoreWrites(): Promise<BenchResult> {
  const result = emptyResult('store', 'Store writes', 'issue 2');
  result.method.push(
    'The real store: `openStore` on a temp folder, one session added, then `updateSession` on it, each call awaited before the next (an acknowledged write: the promise resolves once the file is on disk). Each write changes one timestamp, so every write carries the same bytes.',
    'The floor, in the same run on the same disk, with the same bytes: open a temp file, write, `fsync`, close, rename over the target, open the folder, `fsync` it, close. No JSON, no lowdb, no backup. A second floor row adds the one extra rename the store does (the old file becomes `.bak`, the last good version), to show what that costs.',
    `${WRITES} writes per row, interleaved one by one (floor, floor with backup, store, floor, …) so a slow spell of the shared disk hits each row alike, after ${WARM_UP} warm-up writes each. Writes per second = writes / the sum of their latencies. Two payloads: a fresh session of the 24-scenario workshop with 12 groups, and the same session holding 1,000 votes.`,
    'A vote: `castVote` on a fresh session, a new voter each time, so each call appends one line to the session\'s vote log and fdatasyncs it (a change that is not a vote writes the whole session, as above). Its floor: the same line written to an open file with `writeSync` and flushed with `fdatasync`, interleaved one by one.',
    `Coalescing: ${CONCURRENT} \`updateSession\` calls on one session at once (\`Promise.all\`), against ${CONCURRENT} awaited one by one. Flushes are counted from outside the store: each flush creates one temp file with a fresh name before renaming it, and a file watcher (inotify, \`fs.watch\`) on the sessions folder collects the distinct temp names. The sequential run checks the counter (it must see ${CONCURRENT}). Afterwards the file is read back to find all ${CONCURRENT} changes.`,
  );
  await withTempDir('store', async (dir) => {
    await measurePayload(result, join(dir, 'fresh'), 'Fresh session', 0);
    collectGarbage();
    await measurePayload(result, join(dir, 'votes'), 'Session with 1,000 votes', 1000);
    collectGarbage();
    await measureVoteAppend(result, dir);
    collectGarbage();
    await measureCoalescing(result, dir);
  });
  return result;
}
