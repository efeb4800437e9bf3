/**
 * `tsx bench/profile-top.ts FILE.cpuprofile [N]`: the N functions with the most self time in a V8
 * CPU profile, and the share of samples under each top-level area (by file), as markdown rows.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}

const [file, n = '15'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, 'utf8')) as { nodes: ProfileNode[] };
const total = profile.nodes.reduce((sum, node) => sum + node.hitCount, 0);
const byFunction = new Map<string, number>();
const byArea = new Map<string, number>();

/** Where a function lives, shortened: a package name, a Steady source folder, or node's internals. */
function area(url: string): string {
  if (!url) return '(native / idle / gc)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/src\/(server\/[^/]+(?:\/[^/]+)?)/.exec(url);
  if (own) return own[1]!;
  if (url.startsWith('node:')) return url;
  return url.replace(/^.*\//, '');
}

for (const node of profile.nodes) {
  if (!node.hitCount) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} — ${area(url)}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + node.hitCount);
  byArea.set(area(url), (byArea.get(area(url)) ?? 0) + node.hitCount);
}

const pct = (hits: number) => `${((100 * hits) / total).toFixed(1)} %`;
const top = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(n));
console.log('| self time | function — where |\n| ---: | --- |');
for (const [key, hits] of top(byFunction)) console.log(`| ${pct(hits)} | ${key.replace(/\|/g, '\\|')} |`);
console.log('\n| share | area |\n| ---: | --- |');
for (const [key, hits] of top(byArea)) console.log(`| ${pct(hits)} | ${key} |`);
