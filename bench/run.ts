/** `npm run bench`: runs every benchmark (or those named on the command line) and updates docs/benchmarks.md. */
const all: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  'api-writes': () => import('./api-writes.bench.js'),
  'engine-deadlines': () => import('./engine-deadlines.bench.js'),
  'daily-report-matrix': () => import('./daily-report-matrix.js'),
  reach: () => import('./reach.bench.js'),
  // --- #15 writes that scale ---
  'audit-chain': () => import('./audit-chain.bench.js'),
  'writes-pg': () => import('./writes-pg.bench.js'),
  'live-fanout': () => import('./live-fanout.bench.js'),
  'report-burst': () => import('./report-burst.bench.js'),
  // --- end #15 ---
  analytics: () => import('./analytics.bench.js'),
  'roll-call': () => import('./roll-call.bench.js'),
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(all)) {
  const load = all[name];
  if (!load) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(all).join(', ')}`);
  console.log(`\n▶ ${name}`);
  await (await load()).run();
}
