// `npx vite build -c examples/vue/vite.config.ts` → examples/vue/dist (see examples/README.md).
import { exampleConfig } from '../vite.shared.js';

export default exampleConfig('vue');
