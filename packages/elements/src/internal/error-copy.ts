import { RelinkChunkLoadError, errorKind, isChunkLoadError, isRelinkApiError } from '@relink/sdk';
import type { CommonMessages } from '../translations/translation.js';

/**
 * What every element says when a request fails: the copy for the SDK's error kind (network trouble, a timeout, an
 * expired session, a broken response), never the SDK's raw text. A refusal from the server (an API error) is said in
 * the page's language by its code (`codes`); a code no language covers (and every code on an English page, where
 * the server's message names the app or run) shows the server's own message, written for users.
 */
export type ErrorKindMessages = Pick<CommonMessages, 'errorNetwork' | 'errorTimeout' | 'errorSession' | 'errorUnknown' | 'errorLoad'> & {
  /** The server's error codes in the page's language; English leaves this empty (the server's messages are English). */
  codes: Partial<CommonMessages['codes']> & Record<string, string | undefined>;
};

/** English's `codes`, carried by every element that reports errors: none (see `ErrorKindMessages`). */
export const noCodes: Pick<ErrorKindMessages, 'codes'> = { codes: {} };

/**
 * For an `import()`'s rejection: rethrows it as the SDK's `RelinkChunkLoadError` (the browser's own error as its
 * cause), the one error for the elements' chunks and the SDK's own (its schemas, its list windows): said as
 * `errorLoad` (reload the page), since trying again does not help where the browser keeps the failure for the page's
 * life, as Chromium does.
 */
export const chunkFailed = (cause: unknown): never => {
  throw new RelinkChunkLoadError('A part of the page did not load.', { cause });
};

/** The user-facing text for `error`: the copy for its code or the server's message for an API answer, else the copy for its kind. */
export function errorCopy(error: unknown, m: ErrorKindMessages): string {
  const kind = errorKind(error);
  switch (kind) {
    case 'api':
      return (isRelinkApiError(error) && m.codes[error.code]) || (error as Error).message;
    case 'network':
      return m.errorNetwork;
    case 'timeout':
      return m.errorTimeout;
    case 'session':
      return m.errorSession;
    case 'chunk':
      return m.errorLoad;
    // A write the server did, whose answer could not be read because code did not load: reload, not "nothing changed".
    case 'response':
      return writeUnread(error) ? m.errorLoad : m.errorUnknown;
    // An answer that broke the contract, an abort shown anyway, or a bug: nothing the user can act on but trying again.
    case 'abort':
    case 'unknown':
      return m.errorUnknown;
    default:
      // Every kind has its copy: a new kind fails the typecheck here until it gets one.
      kind satisfies never;
      return m.errorUnknown;
  }
}

/** How a consent flow failed, in the page's language: the copy for the server's code, else the flow's own message. */
export const failedCopy = (failed: { session?: { error?: { code: string } | undefined } | undefined; message: string }, m: ErrorKindMessages): string =>
  m.codes[failed.session?.error?.code ?? ''] || failed.message;

/**
 * Whether Try again can help: the request never got a (good) answer. An API refusal, an expired session or code that
 * did not load (the browser keeps the failure) won't change.
 */
export const isRetryable = (error: unknown): boolean => ['network', 'timeout', 'response', 'unknown'].includes(errorKind(error)) && !writeUnread(error);

/** A `RelinkResponseError` for a write the server did whose answer could not be read: the SDK's code did not load. */
const writeUnread = (error: unknown): boolean => isChunkLoadError((error as { cause?: unknown } | undefined)?.cause);
