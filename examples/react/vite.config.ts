// `npx vite build -c examples/react/vite.config.ts` → examples/react/dist (see examples/README.md).
import { exampleConfig } from '../vite.shared.js';

export default exampleConfig('react');
