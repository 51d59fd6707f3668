import { define } from '../../internal/relink-element.js';
import { RelinkConnectionsTable } from './connections-table.component.js';

export * from './connections-table.component.js';

define('relink-connections-table', RelinkConnectionsTable);

declare global {
  interface HTMLElementTagNameMap {
    'relink-connections-table': RelinkConnectionsTable;
  }
}
