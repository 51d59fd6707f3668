import { isChunkLoadError } from '@relink/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { errorCopy, type ErrorKindMessages } from './error-copy.js';

/**
 * The loading / error / empty block every element shows while it has nothing else to show, one way for all of
 * them. Parts (documented on each element, styled once in `styles/component.styles.ts`):
 * - `loading`: `role="status"`, a skeleton bar and the label for screen readers;
 * - `error`: `role="alert"`, the message and, when the load can be tried again, the `retry` button;
 * - `empty`: `empty-title` and, if given, `empty-body`.
 */
export const loadingState = (label: string): TemplateResult =>
  html`<div part="loading" class="state" role="status"><span class="skeleton" aria-hidden="true"></span><span class="sr">${label}</span></div>`;

export const errorState = (message: string, retry?: { label: string; onRetry: () => void }): TemplateResult =>
  html`<div part="error" class="state" role="alert"><p>${message}</p>${retry
    ? html`<button part="retry" class="btn" type="button" @click=${retry.onRetry}>${retry.label}</button>`
    : nothing}</div>`;

/**
 * The error block for a load that failed with `error`: its copy, and Try again unless trying again cannot help (code
 * that did not load: Chromium keeps the failure until the page reloads, and the copy says to reload the page).
 */
export const failedState = (error: unknown, m: ErrorKindMessages & { retry: string }, onRetry: () => void): TemplateResult =>
  errorState(errorCopy(error, m), isChunkLoadError(error) ? undefined : { label: m.retry, onRetry });

export const emptyState = (title: string, body?: string): TemplateResult =>
  html`<div part="empty" class="state"><p part="empty-title">${title}</p>${body ? html`<p part="empty-body">${body}</p>` : nothing}</div>`;

