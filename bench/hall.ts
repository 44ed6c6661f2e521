/**
 * A hall (issue 16): 10,000 phones, each holding its event stream to the real
 * host over loopback. How long a slide change and a reveal take to reach every
 * stream, and the host's memory while it holds them all.
 *
 * The phones are raw TCP sockets in this process (one GET each, read as bytes):
 * Node's HTTP client costs about as much per stream as the host does, and on two
 * shared cores a heavy client would be measured instead of the host.
 */
import { connect, type Socket } from 'node:net';
import { cpuTimeOf, memoryOf, scenarioIndexes, startPlenary, type PlenaryHost, type SessionLike } from './childHost';
import { benchWorkshopFile } from './workshop';
import { bytes, collectGarbage, count, emptyResult, judge, median, ms, now, printTable, say, sleep, withTempDir, type BenchResult } from './util';

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

export async function benchHall(): Promise<BenchResult> {
  const result = emptyResult('hall', 'A hall: 10,000 phones', 'issue 16');
  result.method.push(
    `The real Node host in its own process (\`node out/main/serve.js --port 0 --data <temp> --token T\`, its descriptor limit inherited from the bench's shell), one session of the 24-scenario workshop in phone mode created with \`phoneLimit: 20000\`. ${count(PHONES)} phone event streams (\`GET /api/p/<code>/events\`) from this process over loopback, as raw TCP sockets (a full HTTP client per stream would load the two shared cores as much as the host), ${CONNECT_BATCH} connecting at a time, each waiting for its first \`state\` event.`,
    `Then ${ROUNDS} rounds, each on the next scenario: \`sessions.goTo\` timed from the RPC being sent until every stream has received the \`state\` event naming the new slide's question; \`voting.open\`; \`voting.reveal\` timed from the RPC being sent until every stream has received the \`state\` event whose question carries \`"results":{...}\`. The figure is the median of the rounds of the last stream's arrival. The host's memory is its VmRSS from /proc with every stream connected, after the rounds (and its peak, VmHWM).`,
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
      });
      judge(result, {
        text: `${count(PHONES)} phones: a slide change reaches every stream in under ${SLIDE_GOAL_MS} ms (median of the rounds)`,
        met: allReached && slideMedian < SLIDE_GOAL_MS,
        detail: `median ${ms(slideMedian)} over ${ROUNDS} rounds (${spread(slideTimes)})`,
      });
      const held = Math.max(connectedMemory?.rss ?? Number.NaN, after?.rss ?? Number.NaN);
      judge(result, {
        text: `${count(PHONES)} phones: the host under 450 MB while it holds every stream`,
        met: Number.isFinite(held) ? held < MEMORY_GOAL_BYTES && (after?.peak ?? 0) < MEMORY_GOAL_BYTES : null,
        detail: `VmRSS ${bytes(held)} (peak ${after ? bytes(after.peak) : 'n/a'}; idle ${idle ? bytes(idle.rss) : 'n/a'})`,
      });
      result.notes.push(`The host's CPU time (user + system, from /proc) per measured round, a slide change, an open and a reveal each sent to every stream: ${cpuPerRound === null ? 'n/a' : ms(cpuPerRound)} (not a goal: it shows the fan-out's cost apart from the wait for the shared cores).`);
      result.notes.push(`Connecting the ${count(PHONES)} streams took ${connectSeconds.toFixed(1)} s (not a goal). Not measured here yet: the facilitator's RPC p99 during a 10,000-vote burst (issue 16's fourth figure).`);
    } finally {
      hall?.close();
      await host?.stop();
    }
  });
  return result;
}
