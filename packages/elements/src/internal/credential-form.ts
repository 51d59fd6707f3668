import { html, nothing, type TemplateResult } from 'lit';
import type { CredentialField } from '@relink/sdk';

/**
 * The API-key credential form `relink-connect-button` and `relink-reconnect-button` open: one labelled input per field
 * of the app (secret ones masked), per-field errors from the server (`aria-invalid`, described by the error), a
 * general error, Save and Cancel. Most connections are OAuth, so this module loads on demand
 * (`import('…/credential-form.js')`) the first time a form opens; its rules are static, in
 * `credential-form.styles.ts` (a few bytes, and no flash of an unstyled form). Parts (documented on each element): `form`, `input`, `save`, `error`.
 */
export interface CredentialFormOptions {
  fields: readonly CredentialField[];
  /** The server's per-field messages, by field name. */
  fieldErrors: Record<string, string>;
  /** A message for the whole form (a refusal without field errors). */
  error?: string | undefined;
  busy: boolean;
  words: { save: string; cancel: string };
  /** Called with each field's value, by name, when the form is submitted. */
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
}

/** The form's template; call it from `render()` once the module is loaded. */
export function credentialForm(options: CredentialFormOptions): TemplateResult {
  const { fields, fieldErrors, error, busy, words } = options;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    options.onSubmit(Object.fromEntries(fields.map((field) => [field.name, String(data.get(field.name) ?? '')])));
  };
  return html`<form part="form" @submit=${submit} novalidate>
    ${fields.map((field) => {
      const message = fieldErrors[field.name];
      return html`<div class="field">
        <label for=${`f-${field.name}`}>${field.label}</label>
        <input part="input" id=${`f-${field.name}`} name=${field.name} type=${field.secret ? 'password' : 'text'}
          autocomplete="off" spellcheck="false" required aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${message ? `e-${field.name}` : nothing} />
        ${message ? html`<p class="field-error" id=${`e-${field.name}`}>${message}</p>` : nothing}
      </div>`;
    })}
    ${error ? html`<p part="error" role="alert">${error}</p>` : nothing}
    <div class="row">
      <button part="save" class="btn" type="submit" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'}>${words.save}</button>
      <button class="btn" type="button" @click=${options.onCancel}>${words.cancel}</button>
    </div>
  </form>`;
}
