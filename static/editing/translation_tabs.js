/*
 * modeltranslation's language tabs as a proper ARIA tab list.
 *
 * jQuery UI already gives the list, tabs and panels their roles and handles the arrow keys on
 * the focused tab; but each tab keeps a link inside it, a focusable control nested in another
 * (axe: nested-interactive). Once the tabs exist, each link loses its href (jQuery UI finds
 * panels by aria-controls, and clicks still reach the tab), and each tab is named by its
 * language. The main language switch beside the title gets an accessible name.
 * Loaded as a static file (CSP: script-src 'self'); texts come from data- attributes of its
 * <script> tag, translated by the template.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var switchLabel = script ? script.dataset.switchLabel : "";

  function fixTabs(root) {
    root.querySelectorAll(".ui-tabs-nav [role='tab']").forEach(function (tab) {
      var link = tab.querySelector("a[href]");
      if (!link) {
        return;
      }
      if (!tab.hasAttribute("aria-label") && link.title) {
        tab.setAttribute("aria-label", link.title);
      }
      link.removeAttribute("href");
      link.setAttribute("tabindex", "-1");
    });
    var mainSwitch = root.querySelector("#modeltranslation-main-switch");
    if (mainSwitch && switchLabel && !mainSwitch.hasAttribute("aria-label")) {
      mainSwitch.setAttribute("aria-label", switchLabel);
    }
  }

  function start() {
    fixTabs(document);
    // Inline rows added later get their tabs then.
    new MutationObserver(function () {
      fixTabs(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  // modeltranslation builds its tabs when the document is ready: run after it.
  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
  }
})();
