import { fieldErrors, isInvalidCredentials, isNotRefreshable } from '@relink/sdk';
import { toast } from '../components/toaster/toaster.js';
import { fillMismatch, mismatchPrompt, settleOutcome } from './consent-outcome.js';
import { errorCopy, failedCopy, isRetryable } from './error-copy.js';

/**
 * The page's own helpers, handed to the code an element loads on demand after the user acts (a refresh that failed,
 * a reconnect flow's outcome, the return from a consent redirect) instead of imported by it. Such a chunk imports
 * nothing but lit and types, like the toasts' template (`toast-list.ts`): a module it imported from the page's
 * up-front graph would be split out of the page's entry into a chunk shared with it, which costs more bytes up front
 * than the code it moved (measured with `npm run size`: +0.3 to +0.6 KiB min+gzip on the connections page per such
 * import).
 */
export const flowKit = {
  toast, errorCopy, failedCopy, isRetryable, isNotRefreshable, fieldErrors, isInvalidCredentials, settleOutcome, fillMismatch, mismatchPrompt,
};

export type FlowKit = typeof flowKit;
