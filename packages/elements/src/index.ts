export * from './components/status-badge/status-badge.js';
export * from './components/toaster/toaster.js';
export * from './events/toast-show.js';
export * from './events/toast-dismiss.js';
export type { PluralForms } from './internal/format.js';
