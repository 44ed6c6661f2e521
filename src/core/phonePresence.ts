/**
 * Which servers let phones in, and how many phones each has connected. The core
 * does not know HTTP: a host that starts a server attaches itself here (the Node
 * host at start, the desktop app on "Let phones vote"), so the presenter can show
 * the join address and the count, whichever host runs.
 */
export interface PhoneGateway {
  /** Where phones reach this server, e.g. `http://192.168.1.20:4800`. */
  joinOrigins: string[];
  /** Phones connected to a session's event stream now. */
  connected(sessionId: string): number;
}

export class PhonePresence {
  private readonly gateways = new Set<PhoneGateway>();

  /** Registers a server; returns the function that removes it (on stop). */
  attach(gateway: PhoneGateway): () => void {
    this.gateways.add(gateway);
    return () => this.gateways.delete(gateway);
  }

  joinOrigins(): string[] {
    return [...new Set([...this.gateways].flatMap((g) => g.joinOrigins))];
  }

  connected(sessionId: string): number {
    let total = 0;
    for (const gateway of this.gateways) total += gateway.connected(sessionId);
    return total;
  }
}
