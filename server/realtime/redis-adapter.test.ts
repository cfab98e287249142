import { describe, expect, it } from "vitest";
import { connectRedisAdapter, redisStreamName } from "./redis-adapter.ts";

describe("the Redis adapter", () => {
  it("refuses to start, naming REDIS_URL without its password, when Redis is unreachable", async () => {
    const attempt = connectRedisAdapter({
      url: "redis://vigil:secret-password@127.0.0.1:1",
      streamName: "vigil-unreachable",
      connectTimeoutMs: 1000,
    });
    await expect(attempt).rejects.toThrow(
      /could not connect to Redis at redis:\/\/vigil:\*\*\*@127\.0\.0\.1:1 \(REDIS_URL\)/,
    );
    await expect(attempt).rejects.not.toThrow(/secret-password/);
  });

  it('shares the stream named by VIGIL_REDIS_STREAM, "vigil" by default', () => {
    expect(redisStreamName({})).toBe("vigil");
    expect(redisStreamName({ VIGIL_REDIS_STREAM: "clinic-7" })).toBe("clinic-7");
  });
});
