/** Timing helpers of the store benchmark: per-call latency, percentiles. */

/** Throughput and latency of one measured operation. */
export interface Measurement {
  ops: number;
  opsPerSecond: number;
  p50Micros: number;
  p99Micros: number;
}

/** Latency at quantile `q` (0..1) of sorted nanosecond samples, in µs. */
function quantile(sorted: BigInt64Array, q: number): number {
  const index = Math.min(sorted.length - 1, Math.floor(q * sorted.length));
  return Number(sorted[index] ?? 0n) / 1000;
}

/**
 * Calls `op(i)` up to `maxOps` times or until `maxSeconds` have passed,
 * after `warmup` unmeasured calls, timing each call on its own.
 */
export async function measure(
  op: (i: number) => unknown,
  options: { maxOps: number; maxSeconds: number; warmup?: number },
): Promise<Measurement> {
  for (let i = 0; i < (options.warmup ?? 0); i += 1) await op(i);

  const samples = new BigInt64Array(options.maxOps);
  const deadline = process.hrtime.bigint() + BigInt(options.maxSeconds * 1e9);
  let total = 0n;
  let ops = 0;
  while (ops < options.maxOps) {
    const start = process.hrtime.bigint();
    await op(ops);
    const end = process.hrtime.bigint();
    samples[ops] = end - start;
    total += end - start;
    ops += 1;
    if (end > deadline) break;
  }

  const sorted = samples.subarray(0, ops).sort();
  return {
    ops,
    opsPerSecond: ops / (Number(total) / 1e9),
    p50Micros: quantile(sorted, 0.5),
    p99Micros: quantile(sorted, 0.99),
  };
}
