// What the ISO date-time check costs when the SDK parses a 100-connection page (issue 17: a profile blamed it for the
// task that handles the first data). The page schema as it is, against the same schema with the timestamps checked by
// a loose regex and not checked at all, alternating in one process (ratios, not absolute times, count on a shared
// machine); and the first parse (cold: zod's and the regex's first run) in a fresh process per sample.
//
//   node --conditions=@relink/source --import tsx scripts/bench/timestamp-check.ts [--samples 15]
import { execFileSync } from 'node:child_process';
import * as z from 'zod/mini';
import { App } from '../../packages/sdk/src/schema/app.js';
import { CountedPage, Id } from '../../packages/sdk/src/schema/common.js';
import { ConnectionOwner, ConnectionPage, ConnectionStatus } from '../../packages/sdk/src/schema/connection.js';

// Accepts 2026-02-30 and hour 24, unlike Timestamp: the cheapest format test, as a floor.
const LOOSE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const pageOf = (T: z.ZodMiniType) =>
  CountedPage(z.object({
    id: Id, app: App, label: z.string(), status: ConnectionStatus, owner: ConnectionOwner, externalAccountEmail: z.optional(z.string()),
    lastRefreshedAt: z.optional(T), expiresAt: z.optional(T), refreshable: z.boolean(),
    lastError: z.optional(z.object({ code: z.string(), message: z.string(), at: T, transient: z.boolean() })), createdAt: T, updatedAt: T,
  }));
const variants = { timestamp: ConnectionPage, loose: pageOf(z.string().check(z.regex(LOOSE))), unchecked: pageOf(z.string()) } as const;
type Variant = keyof typeof variants;

const at = Date.parse('2026-01-01T00:00:00.000Z');
const body = JSON.stringify({
  data: Array.from({ length: 100 }, (_, i) => ({
    id: `con_${i}`, app: { key: 'slack', name: 'Slack', authMode: 'oauth2', managedAuthConfig: 'not_required' }, label: `Team ${i}`,
    status: i % 7 ? 'active' : 'error', owner: 'agency', refreshable: true, lastRefreshedAt: new Date(at + i * 1000).toISOString(),
    expiresAt: new Date(at + 9e9 + i).toISOString(),
    ...(i % 7 ? {} : { lastError: { code: 'invalid_grant', message: 'Token revoked', at: new Date(at).toISOString(), transient: false } }),
    createdAt: new Date(at + i * 1000).toISOString(), updatedAt: new Date(at + i * 2000).toISOString(),
  })),
  nextCursor: null, total: 100, eventId: '12',
});

const cold = process.argv.indexOf('--cold');
if (cold > 0) {
  const schema = variants[process.argv[cold + 1] as Variant];
  const input = JSON.parse(body);
  const start = performance.now();
  if (!schema.safeParse(input).success) throw new Error('the fixture breaks the schema');
  process.stdout.write(String(performance.now() - start));
  process.exit(0);
}

const samples = Number(process.argv[process.argv.indexOf('--samples') + 1]) || 15;
const names = Object.keys(variants) as Variant[];
const warm = Object.fromEntries(names.map((name) => [name, [] as number[]]));
const first = Object.fromEntries(names.map((name) => [name, [] as number[]]));
const PER_SAMPLE = 200;
for (let sample = 0; sample < samples; sample++) {
  for (const name of names) {
    const inputs = Array.from({ length: PER_SAMPLE }, () => JSON.parse(body));
    const start = performance.now();
    for (const input of inputs) variants[name].safeParse(input);
    warm[name]!.push((performance.now() - start) / PER_SAMPLE);
    first[name]!.push(Number(execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--cold', name], { encoding: 'utf8' })));
  }
}
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[sorted.length >> 1]!, max: sorted.at(-1)! };
};
const ms = (value: number) => value.toFixed(3);
console.log(`100-connection page, ${samples} samples (warm: mean of ${PER_SAMPLE} parses each; first: a fresh process each), ms min / median / max`);
for (const name of names) {
  const w = stats(warm[name]!), f = stats(first[name]!);
  const ratio = (w.median / stats(warm.unchecked!).median).toFixed(2);
  console.log(`${name.padEnd(10)} warm ${ms(w.min)} / ${ms(w.median)} / ${ms(w.max)} (×${ratio} of unchecked)   first ${ms(f.min)} / ${ms(f.median)} / ${ms(f.max)}`);
}
