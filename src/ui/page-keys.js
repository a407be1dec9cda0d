/* page-keys.js
 *
 * Copyright 2026 The Syllabus developers
 *
 * This program is free software: you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the Free
 * Software Foundation, either version 3 of the License, or (at your option)
 * any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Tab past the page's last link, or Shift+Tab before its first, leaves the
 * page for the window's next or previous pane, as Tab does between any two
 * widgets. WebKitGTK hands the focus past the end of a page to a text box of
 * its own inside the view, which then keeps every Tab: so this script, run
 * in an isolated world that the page cannot see, moves the focus along the
 * page's links itself at the two ends and asks SyllabusTopicView to leave.
 *
 * With nothing focused in the page (it has just been entered, or it was
 * left), Tab starts at its first link and Shift+Tab at its last; a page
 * without links is left at once. In between, WebKit moves the focus. */
(() => {
  'use strict';

  const leave = window.webkit.messageHandlers.leavePage;

  /* The page's stops in Tab order: positive tab indexes first, in their
   * order, then the others in the document's. */
  function stops() {
    const candidates = document.querySelectorAll(
      'a[href], area[href], button, input, select, textarea, iframe, summary, ' +
      '[tabindex], [contenteditable]');
    const reachable = Array.from(candidates).filter(element =>
      element.tabIndex >= 0 && !element.disabled && !element.inert &&
      element.getClientRects().length > 0);
    const ordered = reachable.filter(element => element.tabIndex > 0);

    ordered.sort((a, b) => a.tabIndex - b.tabIndex);
    return ordered.concat(reachable.filter(element => element.tabIndex === 0));
  }

  document.addEventListener('keydown', event => {
    /* Shift+Tab comes as ISO_Left_Tab, whose key WebKit leaves unnamed. */
    if ((event.key !== 'Tab' && event.code !== 'Tab') ||
        event.ctrlKey || event.altKey || event.metaKey)
      return;

    const order = stops();
    const focused = document.activeElement;
    const backward = event.shiftKey;
    const nothing = focused === null || focused === document.body ||
                    focused === document.documentElement || !order.includes(focused);
    let next = null;

    if (nothing && order.length > 0)
      next = backward ? order[order.length - 1] : order[0];
    else if (!nothing && focused !== (backward ? order[0] : order[order.length - 1]))
      return;

    event.preventDefault();
    event.stopPropagation();
    if (next !== null) {
      next.focus();
      return;
    }

    /* Nothing stays focused, so that coming back starts at an end again. */
    if (!nothing)
      focused.blur();
    leave.postMessage(backward ? 'backward' : 'forward');
  }, true);
})();
