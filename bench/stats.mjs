// Medians over repeated batches, with spread, and budget comparison lines.

/** Runs `fn` in `batches` batches of `perBatch` calls; returns µs per call for each batch. */
export function measure(fn, { batches = 15, perBatch = 200, warmup = 50 } = {}) {
  for (let i = 0; i < warmup; i++) fn(i);
  const per = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn(i);
    per.push(((performance.now() - t0) * 1000) / perBatch);
  }
  return summary(per);
}

export function summary(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p10: q(0.1), p90: q(0.9), n: s.length };
}

export function line(label, stat, unit, budget) {
  const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  const spread = stat.p10 !== undefined ? `  (p10 ${fmt(stat.p10)} – p90 ${fmt(stat.p90)}, n=${stat.n})` : "";
  const verdict = budget === undefined ? "" : stat.median <= budget ? `  ✓ budget ${budget} ${unit}` : `  ✗ OVER budget ${budget} ${unit}`;
  return `${label.padEnd(44)} ${fmt(stat.median).padStart(9)} ${unit}${spread}${verdict}`;
}
