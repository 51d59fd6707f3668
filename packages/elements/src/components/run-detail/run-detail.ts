import { define } from '../../internal/relink-element.js';
import { RelinkRunDetail } from './run-detail.component.js';

export * from './run-detail.component.js';

define('relink-run-detail', RelinkRunDetail);

declare global {
  interface HTMLElementTagNameMap {
    'relink-run-detail': RelinkRunDetail;
  }
}
