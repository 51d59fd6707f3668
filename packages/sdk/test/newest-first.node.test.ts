// The feeds' order (notifications, runs, requests): newest first by instant, whatever offset the times are written in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newestFirst } from '../src/store/collection.js';

test('newest first by instant, across offsets and precisions', () => {
  const at = (id: string, createdAt: string) => ({ id, createdAt }) as unknown as Parameters<typeof newestFirst>[0];
  const items = [
    at('nine-utc', '2026-01-01T09:00:00Z'),
    at('half-nine-in-paris', '2026-01-01T10:30:00+01:00'), // 09:30Z
    at('eight-in-athens', '2026-01-01T10:00:00+02:00'), // 08:00Z: first by its text, last in time
    at('eight-utc-ms', '2026-01-01T08:59:59.999Z'),
    at('nine-fifteen-ms', '2026-01-01T09:15:00.000Z'),
  ];
  assert.deepEqual([...items].sort(newestFirst).map((i) => i.id), ['half-nine-in-paris', 'nine-fifteen-ms', 'nine-utc', 'eight-utc-ms', 'eight-in-athens']);
});
