import { createContext } from '@lit/context';
import type { RelinkStore } from '@relink/sdk';

/** The shared `RelinkStore` `relink-provider` hands to its descendants (one store per provider). */
export const storeContext = createContext<RelinkStore | undefined>(Symbol.for('relink-store'));
