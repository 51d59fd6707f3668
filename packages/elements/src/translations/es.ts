// Placeholder so the loader compiles: the translation itself is written in its own branch (issue 15, item 2).
import type { TranslationDraft } from './translation.js';

export default { $code: 'es', $name: 'Español', $dir: 'ltr' } satisfies TranslationDraft;
