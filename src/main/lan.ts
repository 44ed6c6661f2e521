/**
 * "Let phones vote": the Node host's HTTP server, started inside the desktop app on
 * the facilitator's click and on their network only (docs/protocol.md: the network is
 * never opened without it).
 */
import { networkInterfaces } from 'node:os';
import type { Core } from '../core/createCore';
import { listen, makeToken, type RunningServer } from '../server/host';
import type { LanStatus } from '../shared/bridge';
import { ApiError } from '../shared/errors';
import { isBindableAddress, lanAddresses, type LanAddress } from '../server/lanAddresses';


export class LanServer {
  private server: { running: RunningServer; host: string; token: string; origin: string } | null = null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly core: Core,
    private readonly rendererDir: string,
  ) {}

  /** Starts serving (or reuses the server when it already listens on that address). */
  start(options: { address?: string; sessionId?: string }): Promise<LanStatus> {
    return this.serialised(async () => {
      const interfaces = networkInterfaces();
      const addresses = lanAddresses(interfaces);
      const host = options.address ?? addresses[0]?.address;
      if (!host) {
        throw new ApiError('unavailable', 'This computer is not on a network. Join the room’s Wi-Fi (or plug in a cable), then try again.');
      }
      if (!isBindableAddress(host, interfaces)) {
        throw new ApiError('invalid_input', `${host} is not an address of this computer.`, 'address');
      }
      if (this.server && this.server.host !== host) await this.stopNow();
      if (!this.server) {
        const token = makeToken();
        const running = await this.listenWithFallback(host, token);
        // Phones cannot open 0.0.0.0: show them the first real address.
        const shown = host === '0.0.0.0' ? (addresses[0]?.address ?? '127.0.0.1') : host;
        this.server = { running, host, token, origin: `http://${shown}:${running.port}` };
      }
      return this.statusOf(addresses, options.sessionId);
    });
  }

  stop(): Promise<LanStatus> {
    return this.serialised(async () => {
      await this.stopNow();
      return this.statusOf(lanAddresses(networkInterfaces()));
    });
  }

  status(sessionId?: string): Promise<LanStatus> {
    return this.serialised(async () => this.statusOf(lanAddresses(networkInterfaces()), sessionId));
  }

  /** The port from the settings; when another program holds it, any free port (the QR code carries it). */
  private async listenWithFallback(host: string, token: string): Promise<RunningServer> {
    const port = this.core.settings().lanPort;
    const options = { host, token, rendererDir: this.rendererDir };
    try {
      return await listen(this.core, { ...options, port });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && port !== 0) return listen(this.core, { ...options, port: 0 });
      if (code === 'EADDRNOTAVAIL') throw new ApiError('unavailable', `${host} is no longer an address of this computer. Pick the network again.`);
      throw error;
    }
  }

  private async stopNow(): Promise<void> {
    const current = this.server;
    this.server = null;
    if (current) await current.running.close();
  }

  private async statusOf(addresses: LanAddress[], sessionId?: string): Promise<LanStatus> {
    const current = this.server;
    if (!current) return { running: false, addresses };
    const status: LanStatus = {
      running: true,
      origin: current.origin,
      port: current.running.port,
      token: current.token,
      host: current.host,
      addresses,
    };
    if (sessionId) {
      const session = await this.core.call('sessions.get', { sessionId });
      status.joinUrl = `${current.origin}/p/${session.joinCode}`;
    }
    return status;
  }

  /** Start, stop and status run one at a time, so two clicks cannot start two servers. */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.pending.then(work, work);
    this.pending = next.catch(() => undefined);
    return next;
  }
}
