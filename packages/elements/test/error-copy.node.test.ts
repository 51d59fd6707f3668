// What an element says for each SDK error, and whether it offers Try again. The errors are the SDK's own classes,
// built as the SDK builds them where only a broken deploy produces them (sdk/test/lazy-schemas.node.test.ts shows
// the SDK producing them from real answers with its chunk removed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RelinkChunkLoadError, RelinkNetworkError, RelinkResponseError } from '@relink/sdk';
import { errorCopy, isRetryable, noCodes, type ErrorKindMessages } from '../src/internal/error-copy.js';
import { errorKinds } from '../src/translations/en.js';

const m: ErrorKindMessages = { ...errorKinds, ...noCodes };
const chunk = () => new RelinkChunkLoadError("Could not load the SDK's response schemas", { cause: new TypeError('Failed to fetch dynamically imported module') });

describe('errorCopy and isRetryable', () => {
  it('a write the server did whose answer could not be read (the code did not load): reload the page, no Try again', () => {
    const unread = new RelinkResponseError({ status: 200, issues: [], message: 'Could not read the answer', cause: chunk() });
    assert.equal(errorCopy(unread, m), m.errorLoad);
    assert.equal(isRetryable(unread), false);
  });

  it('an answer that breaks the contract: something went wrong, try again', () => {
    const broken = new RelinkResponseError({ status: 200, issues: [{ path: ['data', 0, 'status'], message: 'Invalid option' }], message: 'Bad answer' });
    assert.equal(errorCopy(broken, m), m.errorUnknown);
    assert.equal(isRetryable(broken), true);
  });

  it('code that did not load: reload the page, no Try again; the network: try again', () => {
    assert.equal(errorCopy(chunk(), m), m.errorLoad);
    assert.equal(isRetryable(chunk()), false);
    const offline = new RelinkNetworkError('Could not reach the Relink API', { cause: new TypeError('Failed to fetch') });
    assert.equal(errorCopy(offline, m), m.errorNetwork);
    assert.equal(isRetryable(offline), true);
  });
});
