import { define } from '../../internal/relink-element.js';
import { RelinkToaster, type ToastHandle, type ToastOptions } from './toaster.component.js';

export * from './toaster.component.js';

define('relink-toaster', RelinkToaster);

/**
 * Shows a toast in the page's `relink-toaster`, creating one at the end of `<body>` if there is none.
 * `toast({ title: 'Connection refreshed.', tone: 'success' })`
 */
export function toast(options: ToastOptions): ToastHandle {
  let toaster = document.querySelector('relink-toaster');
  if (!toaster) toaster = document.body.appendChild(document.createElement('relink-toaster'));
  return toaster.show(options);
}

declare global {
  interface HTMLElementTagNameMap {
    'relink-toaster': RelinkToaster;
  }
}
