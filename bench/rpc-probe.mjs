// The facilitator's side of the hall benchmark, in its own process: calls the
// host's RPC one call at a time, a few ms apart, over one keep-alive connection,
// and times each call. In the bench's own process the timings would include the
// stalls of the load generator (10,000 sockets, 10,000 votes) sharing its event
// loop; here they are the host's answer times as a presenter's page would see them.
//
// node bench/rpc-probe.mjs <origin> <token> <sessionId> <gapMs>
// stdin "mark <label>\n": samples from here on carry <label>; "stop\n": prints the
// samples as one JSON line and exits.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

const [origin, token, sessionId, gapText] = process.argv.slice(2);
const gap = Number(gapText ?? 5);
const url = new URL(origin);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const commands = ['sessions.phones', 'sessions.get'];
const samples = [];
let label = 'idle';
let running = true;

function call(command) {
  const body = JSON.stringify({ sessionId });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: `/api/rpc/${command}`, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${token}` } },
      (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${command} answered ${response.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const loop = (async () => {
  for (let i = 0; running; i += 1) {
    const command = commands[i % commands.length];
    const at = label;
    const start = performance.now();
    await call(command);
    samples.push({ label: at, command, ms: performance.now() - start });
    await new Promise((resolve) => setTimeout(resolve, gap));
  }
})();

createInterface({ input: process.stdin }).on('line', async (line) => {
  if (line.startsWith('mark ')) label = line.slice(5).trim();
  if (line.trim() === 'stop') {
    running = false;
    await loop;
    process.stdout.write(`${JSON.stringify(samples)}\n`);
    process.exit(0);
  }
});
process.stdout.write('rpc-probe ready\n');
