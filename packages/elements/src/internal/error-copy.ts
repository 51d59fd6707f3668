import { errorKind } from '@relink/sdk';

/**
 * What every element says when a request fails, by the SDK's error kind (one map for the kit, each element's
 * `messages` may override it). The server's own message is its words to the user and is shown as-is; anything
 * else (network trouble, a timeout, an expired session, a broken response) gets copy, never the SDK's raw text.
 */
export interface ErrorKindMessages {
  /** The request never got an answer: nothing was changed. */
  errorNetwork: string;
  /** No answer in time. */
  errorTimeout: string;
  /** The session expired and could not be renewed. */
  errorSession: string;
  /** A response that broke the contract, or a bug. */
  errorUnknown: string;
}

export const errorKindDefaults: ErrorKindMessages = {
  errorNetwork: 'The service cannot be reached right now. Nothing was changed.',
  errorTimeout: 'The service took too long to answer. Nothing was changed that we know of; try again.',
  errorSession: 'Your session has expired. Sign in again to continue.',
  errorUnknown: 'Something went wrong. Try again.',
};

/** The user-facing text for `error`: the server's message for an API answer, else the copy for its kind. */
export function errorCopy(error: unknown, m: ErrorKindMessages): string {
  switch (errorKind(error)) {
    case 'api':
      return (error as Error).message;
    case 'network':
      return m.errorNetwork;
    case 'timeout':
      return m.errorTimeout;
    case 'session':
      return m.errorSession;
    default:
      return m.errorUnknown;
  }
}

/** Whether Try again can help: the request never got a (good) answer. An API refusal or an expired session won't change. */
export const isRetryable = (error: unknown): boolean => ['network', 'timeout', 'response', 'unknown'].includes(errorKind(error));
