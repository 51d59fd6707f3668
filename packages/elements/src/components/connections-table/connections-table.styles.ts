import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import controls from '../../internal/controls.styles.js';
import { badgeStyles } from '../../internal/badge.js';
import { monogramStyles } from '../../internal/monogram.js';
import { textFieldRules } from '../../internal/text-field.styles.js';
import {
  colorBorder, colorFocusRing, colorScheme, colorSurface, colorText, colorTextMuted, fontSizeSmall, radius, space1, space2, space3, space4,
} from '../../styles/tokens.js';

export default [
  componentStyles,
  controls,
  monogramStyles,
  badgeStyles,
  css`
    /* The element is its own query container: the layout follows the room the host gives it, not the viewport. */
    :host { display: block; container: relink-connections-table / inline-size; color-scheme: ${colorScheme}; color: ${colorText}; }
    [part='base'] { display: grid; gap: ${space3}; }
    [part='toolbar'] { display: flex; flex-wrap: wrap; align-items: center; gap: ${space2} ${space4}; }
    /* A label wraps with its field, never apart from it (a phone's toolbar). */
    .field { display: inline-flex; flex-wrap: wrap; align-items: center; gap: ${space2}; min-inline-size: 0; }
    select {
      padding: ${space1} ${space2};
      border: 1px solid ${colorBorder};
      border-radius: ${radius};
      background: ${colorSurface};
      color: ${colorText};
      font: inherit;
    }
    [part='table'] {
      inline-size: 100%;
      border-collapse: collapse;
      border: 1px solid ${colorBorder};
      border-radius: var(--relink-connections-table-radius, ${radius});
      background: var(--relink-connections-table-background, ${colorSurface});
    }
    th, td, [role='cell'], [role='rowheader'], [role='columnheader'] {
      padding: var(--relink-connections-table-cell-padding, ${space2} ${space3});
      border-block-end: 1px solid ${colorBorder};
      text-align: start;
      vertical-align: middle;
      /* Words wrap between words; only a word wider than its cell breaks (a table sizes columns to whole words). */
      overflow-wrap: break-word;
    }
    /*
     * Cells are picked by tag (td, th) or by [role] (the virtual path's divs), never by a selector ending in a bare
     * '> *' or '> :nth-child()': the browser tries those on every element of the shadow root (1,400 at 100 rows;
     * a dozen of them were a third of the style time of the table's first render).
     */
    /* A label is user data: an unbroken id or URL may break anywhere, but the column keeps room for words. */
    td:nth-child(2) { min-inline-size: 8rem; overflow-wrap: anywhere; }
    [role='cell']:nth-child(2) { overflow-wrap: anywhere; }
    /* The badge and Manage never wrap inside themselves. */
    td:nth-child(4), a[part~='manage'], button[part~='manage'] { white-space: nowrap; }
    th[scope='col'], [role='columnheader'] { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; font-weight: 600; white-space: nowrap; }
    th[scope='row'], [role='rowheader'] { font-weight: 500; }
    tbody tr:last-child > td, tbody tr:last-child > th { border-block-end: 0; }
    .sort {
      display: inline-flex;
      align-items: center;
      gap: ${space1};
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    .sort:focus-visible, button[part~='manage']:focus-visible { border-radius: 2px; }
    /*
     * A row's Manage button reads as text, like the sort buttons, but stays an inline block: an inline-flex box per
     * row added a flex layout to each of the table's intrinsic-size passes.
     */
    button[part~='manage'] { padding: 0; border: 0; background: none; color: inherit; font: inherit; cursor: pointer; }
    /*
     * Cells hold inline boxes only: a flex or grid box in every cell multiplied the table's intrinsic-size passes
     * (layout of 100 rows took 5-10x that of plain text rows). The logo and badge are inline blocks on the text line.
     */
    [part~='row'] [part~='logo'] { display: inline-block; margin-inline-end: ${space2}; line-height: 24px; text-align: center; vertical-align: middle; }
    [part~='cell'] > [data-badge] { display: inline-block; vertical-align: middle; }
    [part~='cell'] > [data-badge] svg { vertical-align: -0.125em; margin-inline-end: ${space1}; }
    [part~='cell'] > .badge-hint { margin-inline-start: ${space2}; vertical-align: middle; }
    /*
     * A virtualized row's icons (badge, renew) paint on their own: an SVG clips to its box already, so nothing looks
     * different. Without it, the first repaint of any row after the virtualizer's rows were painted (a live change)
     * repainted every row on screen in Chromium: 38 paint layers instead of 2.
     */
    [role='row'] svg { contain: paint; }
    /*
     * The renew button fits the row's line (the logo's 24px): a row is as tall with it as without, so a live change
     * that ends the expiry warning does not resize the row (and the virtualizer does not measure and move every row).
     */
    [part~='renew']::part(base), button[part~='renew'] { min-block-size: 24px; padding-block: 0; }
    a[part~='manage'] { color: var(--relink-connections-table-link-color, ${colorFocusRing}); font-weight: 500; }
    a[part~='manage']:hover { text-decoration-thickness: 2px; }
    .skeleton { block-size: 0.9em; inline-size: 70%; }
    .state { justify-items: center; padding: ${space4}; border: 1px dashed ${colorBorder}; border-radius: ${radius}; text-align: center; }
    /*
     * The virtualized path: ARIA table roles on a grid of divs (a virtualizer positions rows absolutely). Each row is
     * its own grid, so no track may depend on content: every row and the header get the same columns whatever they
     * hold, and a long Actions cell (Manage beside "Send reconnection request", or German words) wraps inside its
     * column. The row draws the line under it: cells of different heights, centred, drew theirs at different heights.
     */
    div[part='table'] { display: block; }
    [role='row'] {
      display: grid;
      grid-template-columns: minmax(0, 1.1fr) minmax(0, 1.2fr) minmax(0, 1.5fr) minmax(0, 1.4fr);
      align-items: center;
      inline-size: 100%;
      border-block-end: 1px solid ${colorBorder};
    }
    [role='row'] > [role] { min-inline-size: 0; border-block-end: 0; }
    [role='row'] button[part~='renew'] { white-space: normal; }
    [role='row'] [part~='renew']::part(base) { white-space: normal; }
    /* The header keeps the room a scrollbar takes beside the rows (classic scrollbars), so its columns line up. */
    .scroller, div[part='table'] > [role='rowgroup']:first-child { scrollbar-gutter: stable; }
    div[part='table'] > [role='rowgroup']:first-child { overflow: hidden; }
    .scroller { block-size: var(--relink-connections-table-max-height, 480px); }
    /* Until the virtualizer takes over (it makes the scroller scroll), the first rows past its height are cut off. */
    .scroller { overflow: hidden; }
    /* A scroller of placeholder rows holds nothing focusable: it takes focus itself so the keyboard can scroll it. */
    .scroller:focus-visible { outline-offset: -2px; }

    /*
     * Narrow (a phone, a sidebar): each row becomes a card — app and Manage on the first line, the label under them,
     * then the status. The column headers stay as a row of sort buttons; "Actions" is implied by the Manage link.
     */
    @container relink-connections-table (inline-size < 34rem) {
      table[part='table'], table[part='table'] > tbody, table[part='table'] > thead { display: block; }
      [part~='header'] { display: flex; flex-wrap: wrap; gap: ${space1} ${space3}; padding: ${space2} ${space3}; border-block-end: 1px solid ${colorBorder}; }
      [part~='header'] > th, [part~='header'] > [role] { padding: 0; border: 0; }
      /* "Actions" is implied by each card's Manage: hidden from sight, still the column's name for screen readers. */
      [part~='header'] > th:last-child, [part~='header'] > [role]:last-child { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
      [part~='row'] {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas: 'app actions' 'label label' 'status status';
        align-items: center;
        gap: ${space1} ${space3};
        padding: ${space2} ${space3};
        border-block-end: 1px solid ${colorBorder};
      }
      tbody > [part~='row']:last-child, [role='rowgroup'] [part~='row']:last-child { border-block-end: 0; }
      [part~='row'] > td, [part~='row'] > th, [part~='row'] > [role] { display: block; min-inline-size: 0; padding: 0; border: 0; }
      [part~='row'] > th, [part~='row'] > td:nth-child(1), [part~='row'] > [role]:nth-child(1) { grid-area: app; }
      [part~='row'] > td:nth-child(2), [part~='row'] > [role]:nth-child(2) { grid-area: label; min-inline-size: 0; color: ${colorTextMuted}; }
      [part~='row'] > td:nth-child(3), [part~='row'] > [role]:nth-child(3) { grid-area: status; }
      [part~='row'] > td:nth-child(4), [part~='row'] > [role]:nth-child(4) { grid-area: actions; white-space: nowrap; }
      /* A phone's scrollbars float over the cards: no gutter for them (the header has no columns to line up). */
      .scroller, div[part='table'] > [role='rowgroup']:first-child { scrollbar-gutter: auto; }
    }
    /* The search field (a window's query at scale) and the rows of a window still being fetched. */
    input[part='search'] { ${textFieldRules} inline-size: auto; min-inline-size: 12rem; }
    .placeholder .skeleton { display: inline-block; }
  `,
];
