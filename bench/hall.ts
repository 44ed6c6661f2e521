/**
 * A hall (issue 16): 10,000 phones, each holding its event stream to the real
 * host over loopback. How long a slide change and a reveal take to reach every
 * stream, and the host's memory while it holds them all.
 *
 * The phones are raw TCP sockets in this process (one GET each, read as bytes):
 * Node's HTTP client costs about as much per stream as the host does, and on two
 * shared cores a heavy client would be measured instead of the host.
 */
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { cpuTimeOf, memoryOf, scenarioIndexes, startPlenary, type PlenaryHost, type SessionLike } from './childHost';
import { benchWorkshopFile } from './workshop';
import { bytes, collectGarbage, repoRoot, count, emptyResult, judge, median, ms, now, p99, printTable, say, sleep, withTempDir, type BenchResult } from './util';

const PHONES = Number(process.env.PLENARY_BENCH_HALL_PHONES ?? 10_000);
const ROUNDS = 7;
const CONNECT_BATCH = 250;
const REVEAL_GOAL_MS = 200;
const SLIDE_GOAL_MS = 150;
const MEMORY_GOAL_BYTES = 450 * 1024 * 1024;
/** The longest a change may take to reach every stream before the round is called broken. */
const ARRIVAL_TIMEOUT_MS = 30_000;

interface HallPhone {
  socket: Socket;
  /** The text received since the last marker was found, kept short (a marker may straddle two reads). */
  tail: string;
  /** When the marker of the current phase arrived, or null. */
  arrivedAt: number | null;
}

/** What every stream waits for in the current phase, and who to tell. */
interface Phase {
  marker: string;
  pending: number;
  done: () => void;
}

class Hall {
  readonly phones: HallPhone[] = [];
  private phase: Phase | null = null;

  constructor(
    private readonly port: number,
    private readonly code: string,
  ) {}

  /** Opens one stream and resolves once its first `state` event has arrived. */
  private open(): Promise<HallPhone> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: this.port });
      const phone: HallPhone = { socket, tail: '', arrivedAt: null };
      let connected = false;
      socket.setEncoding('latin1');
      socket.on('connect', () => {
        socket.write(`GET /api/p/${this.code}/events HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\nAccept: text/event-stream\r\n\r\n`);
      });
      socket.on('data', (chunk: string) => {
        if (!connected) {
          phone.tail += chunk;
          if (phone.tail.includes('event: state')) {
            connected = true;
            phone.tail = '';
            resolve(phone);
          }
          return;
        }
        this.onData(phone, chunk);
      });
      socket.on('error', (error) => {
        if (!connected) reject(error);
      });
      socket.on('close', () => {
        if (!connected) reject(new Error('a stream closed before its first state event'));
      });
    });
  }

  async connectAll(phones: number): Promise<void> {
    for (let start = 0; start < phones; start += CONNECT_BATCH) {
      const batch = await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, phones - start) }, () => this.open()));
      this.phones.push(...batch);
    }
  }

  private onData(phone: HallPhone, chunk: string): void {
    const phase = this.phase;
    if (!phase || phone.arrivedAt !== null) return;
    const text = phone.tail + chunk;
    if (text.includes(phase.marker)) {
      phone.arrivedAt = now();
      phone.tail = '';
      phase.pending -= 1;
      if (phase.pending === 0) phase.done();
    } else {
      phone.tail = text.slice(-phase.marker.length);
    }
  }

  /**
   * Runs `action` and times until every stream has received `marker`. Returns the
   * last and the median arrival (from the action's start) and how many arrived.
   */
  async timeUntilAll(marker: string, action: () => Promise<unknown>): Promise<{ last: number; median: number; arrived: number; rpc: number }> {
    for (const phone of this.phones) {
      phone.arrivedAt = null;
      phone.tail = '';
    }
    const allArrived = new Promise<void>((resolve) => {
      this.phase = { marker, pending: this.phones.length, done: resolve };
    });
    const start = now();
    await action();
    const rpc = now() - start;
    await Promise.race([allArrived, sleep(ARRIVAL_TIMEOUT_MS)]);
    this.phase = null;
    const arrivals = this.phones.flatMap((phone) => (phone.arrivedAt === null ? [] : [phone.arrivedAt - start]));
    return { last: arrivals.length === this.phones.length ? Math.max(...arrivals) : Number.POSITIVE_INFINITY, median: median(arrivals), arrived: arrivals.length, rpc };
  }

  close(): void {
    for (const phone of this.phones) phone.socket.destroy();
  }
}

// ---------------------------------------------------------------- the 10,000-vote burst

/**
 * Connections the votes arrive on, opened before the burst: 10,000 votes, ten
 * pipelined on each. Not one each: 10,000 streams and 10,000 vote connections
 * would pass the host's connection limit at `ulimit -n` 20000 (connectionGuards.ts).
 */
const VOTE_CONNECTIONS = 1000;
const RPC_GOAL_MS = 50;
/** The facilitator's RPCs during the burst: one at a time, this long apart, as a busy presenter's page would. */
const RPC_GAP_MS = 5;

interface BurstOutcome {
  /** First vote sent to last answer read. */
  total: number;
  statuses: Map<number, number>;
  /** Each vote's time from its connection's requests being written to its answer read. */
  latencies: number[];
}

/**
 * Sends `bodies` as votes over `connections` raw keep-alive sockets, each
 * connection's share written at once (HTTP/1.1 pipelining: the host reads them
 * as fast as it can and answers in order), and reads every answer's status.
 */
/** Opens `connections` sockets to the host, 100 at a time, as phones that have loaded the page hold them. */
async function openVoteConnections(port: number, connections: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let start = 0; start < connections; start += 100) {
    const batch = await Promise.all(
      Array.from(
        { length: Math.min(100, connections - start) },
        () =>
          new Promise<Socket>((resolve, reject) => {
            const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
            socket.once('error', reject);
          }),
      ),
    );
    sockets.push(...batch);
  }
  return sockets;
}

async function voteBurst(port: number, code: string, bodies: string[], sockets: Socket[]): Promise<BurstOutcome> {
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  const shares = sockets.map(() => [] as string[]);
  bodies.forEach((body, index) => shares[index % sockets.length]!.push(body));
  try {
    await Promise.all(
      sockets.map(
        (socket, index) =>
          new Promise<void>((resolve) => {
            const share = shares[index]!;
            let expected = share.length;
            let buffer = '';
            let sentAt = 0;
            socket.setEncoding('latin1');
            const fail = () => {
              statuses.set(0, (statuses.get(0) ?? 0) + expected);
              expected = 0;
              resolve();
            };
            socket.on('error', fail);
            socket.on('close', () => expected > 0 && fail());
            socket.on('data', (chunk: string) => {
              buffer += chunk;
              // Each answer: a status line, headers with Content-Length, a body of that length.
              for (;;) {
                const headEnd = buffer.indexOf('\r\n\r\n');
                if (headEnd < 0) return;
                const length = Number(/\r\ncontent-length: *(\d+)/i.exec(buffer.slice(0, headEnd))?.[1] ?? 0);
                if (buffer.length < headEnd + 4 + length) return;
                const status = Number(buffer.slice(9, 12));
                buffer = buffer.slice(headEnd + 4 + length);
                const at = now();
                statuses.set(status, (statuses.get(status) ?? 0) + 1);
                latencies.push(at - sentAt);
                last = Math.max(last, at);
                expected -= 1;
                if (expected === 0) {
                  resolve();
                  return;
                }
              }
            });
            const requests = share
              .map((body) => `POST /api/p/${code}/vote HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
              .join('');
            sentAt = now();
            first = Math.min(first, sentAt);
            socket.write(requests);
          }),
      ),
    );
  } finally {
    for (const socket of sockets) socket.destroy();
  }
  return { total: last - first, statuses, latencies };
}

/**
 * The facilitator's own event stream (`GET /api/events`), as the presenter holds
 * it: counts the `vote.cast` events it receives.
 */
function facilitatorStream(port: number, token: string): Promise<{ votesSeen: () => number; close: () => void }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const marker = 'event: vote.cast';
    let seen = 0;
    let tail = '';
    let open = false;
    socket.setEncoding('latin1');
    socket.on('connect', () => socket.write(`GET /api/events?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`));
    socket.on('data', (chunk: string) => {
      const text = tail + chunk;
      if (!open && text.startsWith('HTTP/1.1 200')) {
        open = true;
        resolve({ votesSeen: () => seen, close: () => socket.destroy() });
      }
      let at = text.indexOf(marker);
      while (at >= 0) {
        seen += 1;
        at = text.indexOf(marker, at + marker.length);
      }
      // Keeps what might be the start of a marker cut in two by the read (too short to hold a whole one).
      tail = text.slice(-(marker.length - 1));
    });
    socket.on('error', (error) => !open && reject(error));
  });
}

/**
 * The facilitator's RPCs, timed in their own process (bench/rpc-probe.mjs): one
 * call at a time, RPC_GAP_MS apart. `mark(label)` labels the calls started from
 * then on; `stop()` returns every call's time, sent to answered.
 */
async function startRpcProbe(host: PlenaryHost, sessionId: string): Promise<{ mark: (label: string) => void; stop: () => Promise<{ label: string; command: string; ms: number }[]> }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bench', 'rpc-probe.mjs'), host.origin, host.token, sessionId, String(RPC_GAP_MS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  const lines: ((line: string) => void)[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
    let end: number;
    while ((end = output.indexOf('\n')) >= 0) {
      const line = output.slice(0, end);
      output = output.slice(end + 1);
      lines.shift()?.(line);
    }
  });
  const nextLine = () => new Promise<string>((resolve) => lines.push(resolve));
  const ready = await Promise.race([nextLine(), sleep(20_000).then(() => 'timeout')]);
  if (ready !== 'rpc-probe ready') {
    child.kill('SIGKILL');
    throw new Error(`bench/rpc-probe.mjs did not start: ${ready}`);
  }
  return {
    mark: (label) => child.stdin.write(`mark ${label}\n`),
    stop: async () => {
      const answer = nextLine();
      child.stdin.write('stop\n');
      const samples = JSON.parse(await answer) as { label: string; command: string; ms: number }[];
      child.stdin.end();
      return samples;
    },
  };
}

const BURST_VOTES = PHONES;
/** How long the facilitator's RPCs are timed with the streams connected and no votes: the floor beside the burst's figure. */
const QUIET_RPC_MS = 2000;

/**
 * The next scenario opened to all the phones, the facilitator's event stream
 * connected, then every phone votes at once while the facilitator's RPCs are
 * timed; every vote must be acknowledged and in the CSV. Returns what the goals need.
 */
async function runBurst(result: BenchResult, host: PlenaryHost, port: number, session: SessionLike): Promise<{ votes: number; memory: { rss: number; peak: number } | null; judge: () => void }> {
  const slideIndex = scenarioIndexes(session)[(ROUNDS + 1) % scenarioIndexes(session).length]!;
  const question = session.slides[slideIndex]!.question!;
  await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex });
  await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
  const facilitator = await facilitatorStream(port, host.token);
  try {
    await sleep(500);
    const probe = await startRpcProbe(host, session.id);
    probe.mark('quiet');
    await sleep(QUIET_RPC_MS);
    const bodies = Array.from({ length: BURST_VOTES }, (_, i) =>
      JSON.stringify({ deviceId: `hall-phone-${String(i).padStart(5, '0')}`, questionId: question.id, optionId: question.options[i % question.options.length]!.id }),
    );
    collectGarbage();
    probe.mark('between');
    const sockets = await openVoteConnections(port, VOTE_CONNECTIONS);
    await sleep(300);
    probe.mark('burst');
    const cpuBefore = cpuTimeOf(host.pid);
    const outcome = await voteBurst(port, session.joinCode, bodies, sockets);
    const cpuAfter = cpuTimeOf(host.pid);
    const samples = await probe.stop();
    const quietSamples = samples.filter((sample) => sample.label === 'quiet');
    const busySamples = samples.filter((sample) => sample.label === 'burst');
    const memory = memoryOf(host.pid);
    // What the facilitator does next: the reveal, then the export (which holds revealed questions).
    await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
    const { csv } = await host.rpc<{ csv: string }>('reports.csv', { sessionId: session.id });
    const csvRows = csv.split('\r\n').filter((line) => line.trim() !== '').length - 1;
    const csvDevices = new Set(csv.match(/hall-phone-\d{5}/g) ?? []).size;
    const acknowledged = outcome.statuses.get(200) ?? 0;
    const statusText = [...outcome.statuses.entries()].map(([status, n]) => `${count(n)}× ${status === 0 ? 'network error' : status}`).join(', ');
    const ms99 = (samples: { ms: number }[]) => p99(samples.map((s) => s.ms));
    const msMedian = (samples: { ms: number }[]) => median(samples.map((s) => s.ms));
    const slowest = (samples: { ms: number }[]) => Math.max(...samples.map((s) => s.ms));
    say(
      result.id,
      `burst: ${count(BURST_VOTES)} votes over ${VOTE_CONNECTIONS} connections in ${ms(outcome.total)} (${statusText}); CSV ${count(csvRows)} rows, ${count(csvDevices)} phones; the facilitator's stream had ${count(facilitator.votesSeen())} vote events; RPC p99 ${ms(ms99(busySamples))} over ${busySamples.length} calls (quiet: ${ms(ms99(quietSamples))})`,
    );
    say(result.id, `the slowest RPCs during the burst: ${[...busySamples].sort((a, b) => b.ms - a.ms).slice(0, 4).map((sample) => `${sample.command} ${ms(sample.ms)}`).join(', ')}`);
    const rpcRow = (label: string, samples: { command: string; ms: number }[]) => [label, count(samples.length), ms(msMedian(samples)), ms(ms99(samples)), ms(slowest(samples))];
    const table = {
      caption: `The facilitator's RPCs, timed from a process of their own (bench/rpc-probe.mjs: \`sessions.phones\` and \`sessions.get\` in turn, one at a time, ${RPC_GAP_MS} ms apart, over one keep-alive connection) with ${count(PHONES)} streams connected and the facilitator's own event stream open: quiet for ${QUIET_RPC_MS / 1000} s, then during a burst of ${count(BURST_VOTES)} votes`,
      headers: ['when', 'RPCs', 'median', 'p99', 'slowest'],
      rows: [rpcRow('quiet (the floor: no votes)', quietSamples), rpcRow(`during the ${count(BURST_VOTES)}-vote burst`, busySamples)],
    };
    const burstTable = {
      caption: `The burst: ${count(BURST_VOTES)} votes (unique deviceIds) over ${count(VOTE_CONNECTIONS)} keep-alive connections opened beforehand (as phones that loaded the page hold them), ${BURST_VOTES / VOTE_CONNECTIONS} votes pipelined on each, all written at once`,
      headers: ['figure', 'value'],
      rows: [
        ['first vote sent to last acknowledged', ms(outcome.total)],
        ['time to acknowledgement, median / p99', `${ms(median(outcome.latencies))} / ${ms(p99(outcome.latencies))}`],
        ['answers', statusText],
        ['rows in reports.csv (distinct phones)', `${count(csvRows)} (${count(csvDevices)})`],
        ["vote.cast events on the facilitator's stream (the host sends the latest count at most every few hundred ms, not one per vote)", count(facilitator.votesSeen())],
        ['host CPU time during the burst (user + system)', cpuBefore === null || cpuAfter === null ? 'n/a' : ms(cpuAfter - cpuBefore)],
        ['host memory after the burst: VmRSS / peak', memory ? `${bytes(memory.rss)} / ${bytes(memory.peak)}` : 'n/a'],
      ],
    };
    printTable(result.id, table);
    printTable(result.id, burstTable);
    result.tables.push(table, burstTable);
    const allIn = acknowledged === BURST_VOTES && csvRows === BURST_VOTES && csvDevices === BURST_VOTES;
    return {
      votes: BURST_VOTES,
      memory,
      judge: () =>
        judge(result, {
          text: `the facilitator's RPC p99 under ${RPC_GOAL_MS} ms during a ${count(BURST_VOTES)}-vote burst with ${count(PHONES)} streams connected, every vote acknowledged and in the CSV`,
          met: busySamples.length > 0 && ms99(busySamples) < RPC_GOAL_MS && allIn,
          detail: `p99 ${ms(ms99(busySamples))} over ${busySamples.length} RPCs during the burst (median ${ms(msMedian(busySamples))}; quiet floor p99 ${ms(ms99(quietSamples))}, median ${ms(msMedian(quietSamples))}); ${statusText}; the CSV holds ${count(csvRows)} rows for ${count(csvDevices)} phones; burst ${ms(outcome.total)}`,
          issue: 'issue 16',
          floor: `the same RPCs with the streams connected and no votes: p99 ${ms(ms99(quietSamples))}, median ${ms(msMedian(quietSamples))}`,
        }),
    };
  } finally {
    facilitator.close();
  }
}

export async function benchHall(): Promise<BenchResult> {
  const result = emptyResult('hall', 'A hall: 10,000 phones', 'issue 16');
  result.method.push(
    `The real Node host in its own process (\`node out/main/serve.js --port 0 --data <temp> --token T\`, its descriptor limit inherited from the bench's shell), one session of the 24-scenario workshop in phone mode created with \`phoneLimit: 20000\`. ${count(PHONES)} phone event streams (\`GET /api/p/<code>/events\`) from this process over loopback, as raw TCP sockets (a full HTTP client per stream would load the two shared cores as much as the host), ${CONNECT_BATCH} connecting at a time, each waiting for its first \`state\` event.`,
    `Then ${ROUNDS} rounds, each on the next scenario: \`sessions.goTo\` timed from the RPC being sent until every stream has received the \`state\` event naming the new slide's question; \`voting.open\`; \`voting.reveal\` timed from the RPC being sent until every stream has received the \`state\` event whose question carries \`"results":{...}\`. The figure is the median of the rounds of the last stream's arrival. The host's memory is its VmRSS from /proc with every stream connected, after the rounds (and its peak, VmHWM, after the burst below).`,
    `Then a burst, the streams still connected: the next scenario opened, the facilitator's own event stream (\`GET /api/events\`) open as the presenter holds it, and the facilitator's RPCs timed from a process of their own (bench/rpc-probe.mjs: \`sessions.phones\` and \`sessions.get\` in turn, one at a time, ${RPC_GAP_MS} ms apart, over one keep-alive connection; in this process they would carry the load generator's own stalls). First ${QUIET_RPC_MS / 1000} s with no votes (the floor), then ${count(BURST_VOTES)} votes with unique deviceIds over ${count(VOTE_CONNECTIONS)} keep-alive connections opened beforehand, ${BURST_VOTES / VOTE_CONNECTIONS} pipelined on each and all written at once (one connection per vote would pass the host's connection limit with 10,000 streams open). Every answer must be 200; then \`voting.reveal\` and \`reports.csv\`, which must hold one row per vote, one per phone.`,
  );
  await withTempDir('hall', async (dir) => {
    let host: PlenaryHost | null = null;
    let hall: Hall | null = null;
    try {
      host = await startPlenary(dir);
      const port = Number(new URL(host.origin).port);
      await sleep(300);
      const idle = memoryOf(host.pid);
      const workshop = await host.rpc<{ id: string }>('workshops.import', { text: benchWorkshopFile(), fileName: 'bench.plenary.json' });
      const session = await host.rpc<SessionLike>('sessions.create', { workshopId: workshop.id, votingMode: 'phones', title: 'A hall', phoneLimit: 20_000 });
      const scenarios = scenarioIndexes(session);
      hall = new Hall(port, session.joinCode);
      const connectStart = now();
      await hall.connectAll(PHONES);
      const connectSeconds = (now() - connectStart) / 1000;
      say(result.id, `${count(hall.phones.length)} streams connected in ${connectSeconds.toFixed(1)} s`);
      collectGarbage();
      await sleep(1000);
      const connectedMemory = memoryOf(host.pid);
      const slideTimes: number[] = [];
      const revealTimes: number[] = [];
      const rows: string[][] = [];
      let allReached = true;
      let cpuBefore: number | null = null;
      // One warm-up round (not counted), then the measured ones.
      for (let round = 0; round <= ROUNDS; round += 1) {
        const slideIndex = scenarios[round % scenarios.length]!;
        const question = session.slides[slideIndex]!.question!;
        await sleep(300);
        const slide = await hall.timeUntilAll(`"id":"${question.id}"`, () => host!.rpc('sessions.goTo', { sessionId: session.id, slideIndex }));
        await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
        await sleep(300);
        const reveal = await hall.timeUntilAll('"results":{', () => host!.rpc('voting.reveal', { sessionId: session.id, questionId: question.id }));
        const label = round === 0 ? 'warm-up' : `round ${round}`;
        say(result.id, `${label}: slide change reached ${slide.arrived} streams, the last after ${ms(slide.last)} (rpc ${ms(slide.rpc)}); reveal reached ${reveal.arrived}, the last after ${ms(reveal.last)} (rpc ${ms(reveal.rpc)})`);
        if (round === 0) {
          cpuBefore = cpuTimeOf(host.pid);
          continue;
        }
        if (slide.arrived !== PHONES || reveal.arrived !== PHONES) allReached = false;
        slideTimes.push(slide.last);
        revealTimes.push(reveal.last);
        rows.push([label, ms(slide.rpc), ms(slide.median), ms(slide.last), ms(reveal.rpc), ms(reveal.median), ms(reveal.last)]);
      }
      const after = memoryOf(host.pid);
      const cpuAfter = cpuTimeOf(host.pid);
      const burst = await runBurst(result, host, port, session);
      // CPU time comes in 10 ms ticks: summed over the rounds (each a slide change, an open and a reveal), then shared out.
      const cpuPerRound = cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / ROUNDS : null;
      say(result.id, `host CPU per round (goTo + open + reveal, each to ${count(PHONES)} streams): ${cpuPerRound === null ? 'n/a' : ms(cpuPerRound)}`);
      const table = {
        caption: `${count(PHONES)} streams, ${ROUNDS} rounds after one warm-up; times from the RPC being sent`,
        headers: ['round', 'goTo RPC', 'slide: median stream', 'slide: last stream', 'reveal RPC', 'reveal: median stream', 'reveal: last stream'],
        rows,
      };
      printTable(result.id, table);
      result.tables.push(table);
      result.tables.push({
        headers: ['host memory', 'VmRSS', 'VmHWM (peak)'],
        rows: [
          ['idle, before the streams', idle ? bytes(idle.rss) : 'n/a', idle ? bytes(idle.peak) : 'n/a'],
          [`${count(PHONES)} streams connected`, connectedMemory ? bytes(connectedMemory.rss) : 'n/a', connectedMemory ? bytes(connectedMemory.peak) : 'n/a'],
          [`${count(PHONES)} streams, after the rounds`, after ? bytes(after.rss) : 'n/a', after ? bytes(after.peak) : 'n/a'],
        ],
      });
      const revealMedian = median(revealTimes);
      const slideMedian = median(slideTimes);
      const spread = (values: number[]) => `rounds ${ms(Math.min(...values))} to ${ms(Math.max(...values))}`;
      judge(result, {
        text: `${count(PHONES)} phones: the reveal reaches every stream in under ${REVEAL_GOAL_MS} ms (median of the rounds)`,
        met: allReached && revealMedian < REVEAL_GOAL_MS,
        detail: `median ${ms(revealMedian)} over ${ROUNDS} rounds (${spread(revealTimes)}); ${allReached ? 'every stream reached in every round' : 'some stream missed a change'}`,
        issue: 'issue 16',
        floor: `the host's own CPU time per round (a slide change, an open and a reveal to every stream): ${cpuPerRound === null ? 'n/a' : ms(cpuPerRound)}, i.e. about ${cpuPerRound === null ? 'n/a' : ms(cpuPerRound / 3)} a fan-out`,
      });
      judge(result, {
        text: `${count(PHONES)} phones: a slide change reaches every stream in under ${SLIDE_GOAL_MS} ms (median of the rounds)`,
        met: allReached && slideMedian < SLIDE_GOAL_MS,
        detail: `median ${ms(slideMedian)} over ${ROUNDS} rounds (${spread(slideTimes)})`,
        issue: 'issue 16',
        floor: `as for the reveal: about ${cpuPerRound === null ? 'n/a' : ms(cpuPerRound / 3)} of host CPU a fan-out`,
      });
      const held = Math.max(connectedMemory?.rss ?? Number.NaN, after?.rss ?? Number.NaN);
      const peak = burst.memory?.peak ?? after?.peak ?? Number.NaN;
      judge(result, {
        text: `${count(PHONES)} phones: the host under 450 MB while it holds every stream`,
        met: Number.isFinite(held) && Number.isFinite(peak) ? held < MEMORY_GOAL_BYTES && peak < MEMORY_GOAL_BYTES : null,
        detail: `VmRSS ${bytes(held)} with every stream (peak ${bytes(peak)} over the rounds and the ${count(burst.votes)}-vote burst; idle ${idle ? bytes(idle.rss) : 'n/a'})`,
        issue: 'issue 16',
        floor: `the host idle, before the streams: ${idle ? bytes(idle.rss) : 'n/a'}`,
      });
      burst.judge();
      result.notes.push(`The host's CPU time (user + system, from /proc) per measured round, a slide change, an open and a reveal each sent to every stream: ${cpuPerRound === null ? 'n/a' : ms(cpuPerRound)} (not a goal: it shows the fan-out's cost apart from the wait for the shared cores).`);
      result.notes.push(`Connecting the ${count(PHONES)} streams took ${connectSeconds.toFixed(1)} s (not a goal).`);
    } finally {
      hall?.close();
      await host?.stop();
    }
  });
  return result;
}
