import net from "node:net";

export interface Balancer {
  url: string;
  /** Sends new connections to this port from now on (existing ones stay where they are). */
  routeTo(port: number): void;
  /** Cuts every open connection (a network blip, or a balancer restart); the nodes stay up. */
  dropConnections(): void;
  close(): Promise<void>;
}

/**
 * A minimal TCP load balancer in front of the nodes: every new connection goes to the current target.
 * When a node dies its connections drop, and the client's reconnection lands wherever it now routes,
 * as behind a real balancer whose health check has taken the node out.
 */
export async function startBalancer(initialPort: number): Promise<Balancer> {
  let target = initialPort;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, "127.0.0.1");
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const side of [client, upstream]) {
      side.on("error", drop);
      side.on("close", drop);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routeTo(next) {
      target = next;
    },
    dropConnections() {
      for (const socket of open) socket.destroy();
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
