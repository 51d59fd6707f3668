import { css } from 'lit';
import { colorTextMuted, space1, space2, space3 } from '../styles/tokens.js';

/** Layout of the chooser. */
export default css`
  [part='choose'] { display: grid; gap: ${space2}; margin-block-start: ${space2}; max-inline-size: 28rem; order: 1; flex-basis: 100%; }
  [part='choose'] p { margin: 0; }
  [part='choose'] .title { font-weight: 600; }
  [part='choose'] .help, [part='choose'] .hint { color: ${colorTextMuted}; }
  [part='choose'] ul { list-style: none; margin: 0; padding: 0; display: grid; gap: ${space1}; }
  [part='choose'] li { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: ${space1} ${space3}; }
  [part='choose'] label { display: inline-flex; align-items: center; gap: ${space2}; font-weight: 500; }
  [part='choose'] .row { display: flex; flex-wrap: wrap; gap: ${space2}; }
`;
