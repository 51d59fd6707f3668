import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RECONNECT_POLICY, fullJitterDelayMs } from '../src/store/sql/db.js';

describe('the LISTEN reconnect backoff (full jitter, capped)', () => {
  it('draws from [0, min(cap, base · 2^attempt)): the ceiling doubles per attempt, then stays at the cap', () => {
    const at = (random: number) => (attempt: number) => fullJitterDelayMs(attempt, { ...DEFAULT_RECONNECT_POLICY, random: () => random });
    const top = at(0.999_999);
    assert.deepEqual([0, 1, 2, 3, 6, 7, 8, 50, 10_000].map(top), [99, 199, 399, 799, 6399, 9999, 9999, 9999, 9999]);
    assert.deepEqual([0, 5, 10_000].map(at(0)), [0, 0, 0], 'full jitter reaches down to zero');
    assert.equal(at(0.5)(4), 800);
  });
});
