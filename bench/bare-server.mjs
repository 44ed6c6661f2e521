// The phones benchmark's baseline: a bare Fastify server on the participant
// protocol's routes, answering fixed replies with no store, no validation and no
// disk. `npm run bench` starts it in its own process, as it starts the Plenary host,
// and sends both the same burst with the same client.
import Fastify from 'fastify';

const state = {
  session: { title: 'Bare', groups: [] },
  question: { id: 'q1', prompt: 'A fixed question', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], status: 'open', results: null },
};
const frame = `event: state\ndata: ${JSON.stringify(state)}\n\n`;

const app = Fastify({ logger: false, forceCloseConnections: true });

app.get('/api/health', async () => ({ ok: true }));
app.get('/api/p/:code', async () => state);
// The same body limit as Plenary's vote route; Fastify still parses the JSON.
app.post('/api/p/:code/vote', { bodyLimit: 4096 }, async () => ({ ok: true }));
app.get('/api/p/:code/events', (request, reply) => {
  reply.hijack();
  reply.raw.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  reply.raw.write('retry: 2000\n\n');
  reply.raw.write(frame);
  request.raw.on('close', () => reply.raw.end());
});

await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address();
console.log(`Bare server ready: http://127.0.0.1:${port}`);

const stop = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
