export * from './components/status-badge/status-badge.js';
