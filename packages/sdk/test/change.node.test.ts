// Of two changes heard to one row, which is the latest known (store/change.ts `replaces`): what a window's pages in
// flight and an early first page keep, so a late answer never undoes a newer change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareTimes, replaces, type Change } from '../src/store/change.js';

const at = (updatedAt: string, live: boolean, status = 'active'): Change<{ updatedAt: string; status: string }> => ({ item: { updatedAt, status }, live });
const removed = (live: boolean): Change<{ updatedAt: string }> => ({ item: undefined, live });

test('the newer state wins whatever order it was heard in, compared by instant across offsets', () => {
  assert.equal(replaces(at('2026-01-01T09:00:00.000Z', true), at('2026-01-01T09:00:00.001Z', false)), true);
  assert.equal(replaces(at('2026-01-01T09:00:00.001Z', false), at('2026-01-01T09:00:00.000Z', true)), false);
  // 10:00 in Athens is 08:00Z: older than 09:00Z, though its text sorts after it.
  assert.equal(replaces(at('2026-01-01T09:00:00.000Z', true), at('2026-01-01T10:00:00.000+02:00', false)), false);
  assert.equal(replaces(at('2026-01-01T10:00:00.000+02:00', false), at('2026-01-01T09:00:00.000Z', true)), true);
});

test('a removal always replaces; only the stream brings a removed row back', () => {
  assert.equal(replaces(at('2026-01-01T09:00:00.000Z', true), removed(false)), true);
  assert.equal(replaces(removed(true), at('2026-01-01T09:00:00.000Z', false)), false);
  assert.equal(replaces(removed(false), at('2026-01-01T09:00:00.000Z', true)), true);
  assert.equal(replaces(undefined, at('2026-01-01T09:00:00.000Z', false)), true);
});

test('two writes in the same millisecond: a live change is not undone by an answer heard after it, the stream\'s order holds', () => {
  const ms = '2026-01-01T09:00:00.123Z';
  // The stream said "revoked"; an answer of the same millisecond heard after it may have been read before the revoke.
  assert.equal(replaces(at(ms, true, 'revoked'), at(ms, false, 'active')), false);
  // The same instant written another way is the same millisecond.
  assert.equal(replaces(at(ms, true, 'revoked'), at('2026-01-01T10:00:00.123+01:00', false, 'active')), false);
  // A live change heard after an answer replaces it (the answer may be older), and of two live ones the later heard.
  assert.equal(replaces(at(ms, false, 'active'), at(ms, true, 'revoked')), true);
  assert.equal(replaces(at(ms, true, 'error'), at(ms, true, 'active')), true);
  // Two answers: nothing says which was read last; the later heard.
  assert.equal(replaces(at(ms, false, 'error'), at(ms, false, 'active')), true);
});

test('a time that does not parse (relayed through store.apply) is compared as text, never stuck', () => {
  assert.equal(replaces(at('not a time', true), at('not a time, later', true)), true);
  assert.equal(replaces(at('not a time, later', true), at('not a time', false)), false);
});

test('times compare by instant: offsets, fractions a server trims, and microseconds within one millisecond', () => {
  // A server that trims a zero fraction (…:05Z) writes text that sorts before …:04.5Z, though it is later.
  assert.ok(compareTimes('2026-01-01T09:00:05Z', '2026-01-01T09:00:04.5Z') > 0);
  assert.ok(compareTimes('2026-01-01T09:00:04.5Z', '2026-01-01T09:00:05Z') < 0);
  assert.ok(compareTimes('2026-01-01T10:00:00+02:00', '2026-01-01T09:00:00Z') < 0);
  assert.equal(compareTimes('2026-01-01T10:00:00.000+01:00', '2026-01-01T09:00:00Z'), 0);
  // PostgreSQL keeps microseconds: two writes of one millisecond still have an order, whatever the fraction's length.
  assert.ok(compareTimes('2026-01-01T09:00:00.123457Z', '2026-01-01T09:00:00.123456Z') > 0);
  assert.ok(compareTimes('2026-01-01T09:00:00.1234Z', '2026-01-01T09:00:00.12345Z') < 0);
  assert.equal(compareTimes('2026-01-01T09:00:00.1230Z', '2026-01-01T09:00:00.123Z'), 0);
  assert.ok(compareTimes('not a time', 'not a time, later') < 0);
});
