import { css } from 'lit';

/** `theme` forces the scheme of everything inside: the elements read `--relink-color-scheme`, which inherits. */
export default css`
  :host { display: contents; }
  :host([theme='dark']) { --relink-color-scheme: dark; }
  :host([theme='light']) { --relink-color-scheme: light; }
`;
