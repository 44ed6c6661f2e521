/**
 * The Node host as a user starts it (`node out/main/serve.js`), in its own
 * process, so its memory can be read from /proc and its CPU is not the client's.
 * Also the bare Fastify baseline (bench/bare-server.mjs), started the same way.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { copyFile, cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outMain, repoRoot } from './util';

const READY = /Plenary is ready: (http:\/\/[^/\s]+)\/\?token=(\S+)/;
const BARE_READY = /Bare server ready: (http:\/\/\S+)/;

const live = new Set<ChildProcess>();
// If the bench dies, it takes its servers with it.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface ChildServer {
  origin: string;
  pid: number;
  child: ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and waits for it. */
  stop(): Promise<void>;
}

async function startChild(args: string[], ready: RegExp, what: string): Promise<ChildServer> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: repoRoot });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not print its ready line within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready:\n${output}`));
    });
  });
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    origin,
    pid: child.pid!,
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface PlenaryHost extends ChildServer {
  token: string;
  /** Calls the facilitator RPC; throws with the body on a non-2xx answer. */
  rpc<T>(command: string, input?: unknown): Promise<T>;
}

let snapshot: { dir: string; serve: string; renderer: string } | null = null;

/**
 * The build this run measures: out/main and out/renderer copied to a temp folder
 * once, at the first use. Others may rebuild out/ while the bench runs (a page
 * whose lazy chunk vanished mid-run never draws); the copy keeps every host of
 * this run on the build `npm run bench` made. Its node_modules is a link to ours.
 */
export async function builtApp(): Promise<{ serve: string; renderer: string } | null> {
  if (snapshot) return snapshot;
  if (!existsSync(join(outMain, 'serve.js'))) return null;
  const dir = await mkdtemp(join(tmpdir(), 'plenary-bench-build-'));
  await cp(outMain, join(dir, 'out', 'main'), { recursive: true });
  const renderer = join(repoRoot, 'out', 'renderer');
  if (existsSync(renderer)) await cp(renderer, join(dir, 'out', 'renderer'), { recursive: true });
  await copyFile(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  snapshot = { dir, serve: join(dir, 'out', 'main', 'serve.js'), renderer: join(dir, 'out', 'renderer') };
  return snapshot;
}

/** Removes the copy of the build. */
export async function removeBuiltApp(): Promise<void> {
  if (!snapshot) return;
  const { dir } = snapshot;
  snapshot = null;
  await rm(dir, { recursive: true, force: true });
}

process.on('exit', () => {
  if (snapshot) rmSync(snapshot.dir, { recursive: true, force: true });
});

/**
 * Starts `node out/main/serve.js --port 0 --data DIR --token T`. Node options for
 * the host alone can be added with PLENARY_BENCH_HOST_ARGS (e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof`, to see where its time goes).
 */
export async function startPlenary(dataDir: string, token = `bench-token-${process.pid}`): Promise<PlenaryHost> {
  const script = (await builtApp())?.serve;
  if (!script) throw new Error('out/main/serve.js is missing: run `npm run build` first.');
  const nodeArgs = process.env.PLENARY_BENCH_HOST_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = await startChild([...nodeArgs, script, '--port', '0', '--data', dataDir, '--token', token], READY, 'The Plenary host');
  const rpc = async <T>(command: string, input: unknown = {}): Promise<T> => {
    const response = await fetch(`${server.origin}/api/rpc/${command}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${command} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return { ...server, token, rpc };
}

/** Starts the bare Fastify baseline. */
export function startBare(): Promise<ChildServer> {
  return startChild([join(repoRoot, 'bench', 'bare-server.mjs')], BARE_READY, 'The bare Fastify server');
}

/** A process's resident memory now and at its peak (VmRSS, VmHWM), in bytes; null off Linux. */
export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return null;
  }
}

let clockTicksPerSecond: number | null = null;

/**
 * A process's CPU time so far (user + system, all its threads), in ms; null off
 * Linux. From /proc/<pid>/stat, in clock ticks (10 ms here): sum many bursts
 * before reading anything into it.
 */
export function cpuTimeOf(pid: number): number | null {
  try {
    clockTicksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    // The fields after the command name, which may itself hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  } catch {
    return null;
  }
}

/** The session fields the benchmarks read. */
export interface SessionLike {
  id: string;
  joinCode: string;
  slideIndex: number;
  slides: { id: string; kind: string; title?: string; prompt?: string; question?: { id: string; prompt: string; options: { id: string; label: string; style: string }[] } }[];
  groups: { id: string; name: string }[];
}

export function scenarioIndexes(session: SessionLike): number[] {
  return session.slides.flatMap((slide, index) => (slide.kind === 'scenario' ? [index] : []));
}
