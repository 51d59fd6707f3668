import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import { badgeStyles } from '../../internal/badge.js';
import { colorScheme, colorTextMuted, fontSizeSmall, space1, space2 } from '../../styles/tokens.js';

// The badge itself is internal/badge.ts, shared with the rows of the connections table.
export default [componentStyles, badgeStyles, css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${space1} ${space2};
    max-inline-size: 100%;
    color-scheme: ${colorScheme};
    vertical-align: middle;
  }
  [part='description'] { font-size: ${fontSizeSmall}; color: ${colorTextMuted}; }
`];
