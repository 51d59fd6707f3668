// `npx vite build -c examples/html/vite.config.ts` → examples/html/relink-elements.js, the kit as one ES module.
import { htmlBundleConfig } from '../vite.shared.js';

export default htmlBundleConfig();
