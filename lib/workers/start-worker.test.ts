import { describe, expect, it } from "vitest";
import { startWorker } from "./start-worker";

describe("startWorker", () => {
  it("runs a TypeScript worker module with @/ imports and a transferred Float64Array", async () => {
    const values = new Float64Array([1, 2, 3.5]);
    const worker = startWorker("lib/workers/fixtures/echo.worker.ts", { values }, [values.buffer]);
    const message = await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(message).toEqual({ sum: 6.5, ari: 1 });
  });
});
