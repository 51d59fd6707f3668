import { createContext } from '@lit/context';
import type { RelinkClient } from '@relink/sdk';

/**
 * The SDK client `relink-provider` hands to its descendants. Keyed by `Symbol.for`, so two copies of the package
 * on one page still find each other's provider.
 */
export const clientContext = createContext<RelinkClient | undefined>(Symbol.for('relink-client'));
