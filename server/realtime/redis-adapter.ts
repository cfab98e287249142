import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";

export type SocketAdapterFactory = ReturnType<typeof createAdapter>;

export interface RedisAdapter {
  /** Pass to Socket.IO's `adapter` option: broadcasts go through the Redis stream to every node. */
  adapter: SocketAdapterFactory;
  streamName: string;
  isConnected(): boolean;
  /** Closes the Redis connection; call after Socket.IO is closed (closing it aborts the stream readers). */
  close(): Promise<void>;
}

export interface RedisAdapterOptions {
  url: string;
  /** Every node of one deployment must use the same stream; separate deployments (or test runs) separate ones. */
  streamName: string;
  connectTimeoutMs?: number;
  onError?: (message: string) => void;
}

/**
 * Connects to Redis for Socket.IO's Redis Streams adapter. Unreachable at boot is fatal with a clear
 * error (a node that cannot fan out would silently miss other nodes' events); a connection lost later
 * is retried with backoff, and the stream is read from where it left off once Redis is back.
 */
export async function connectRedisAdapter(options: RedisAdapterOptions): Promise<RedisAdapter> {
  let everConnected = false;
  const client = createClient({
    url: options.url,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 5000,
      reconnectStrategy: (retries, cause) =>
        everConnected ? Math.min(100 * 2 ** retries, 5000) : new Error(cause.message || String(cause)),
    },
  });
  const report = options.onError ?? ((message: string) => console.error(message));
  let lastReported = "";
  client.on("error", (error: Error) => {
    // A lost connection errors on every retry: report each distinct error once.
    if (!everConnected || error.message === lastReported) return;
    lastReported = error.message;
    report(`redis: ${error.message}`);
  });
  client.on("ready", () => {
    lastReported = "";
  });
  try {
    await client.connect();
  } catch (error) {
    client.destroy();
    throw new Error(
      `Vigil could not connect to Redis at ${redactUrl(options.url)} (REDIS_URL): ${(error as Error).message}`,
    );
  }
  everConnected = true;
  return {
    adapter: createAdapter(client, { streamName: options.streamName }),
    streamName: options.streamName,
    isConnected: () => client.isReady,
    async close() {
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}

/** The URL as it may appear in a log: without its password. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** VIGIL_REDIS_STREAM: the stream this deployment's nodes share (default "vigil"). */
export function redisStreamName(env: NodeJS.ProcessEnv = process.env): string {
  return env.VIGIL_REDIS_STREAM || "vigil";
}
