/*
 * What the admin's third-party widgets miss for assistive technologies.
 *
 * 1. modeltranslation's language tabs as a proper ARIA tab list.
 *
 * jQuery UI already gives the list, tabs and panels their roles and handles the arrow keys on
 * the focused tab; but each tab keeps a link inside it, a focusable control nested in another
 * (axe: nested-interactive). Once the tabs exist, each link loses its href (jQuery UI finds
 * panels by aria-controls, and clicks still reach the tab), each tab keeps its visible name
 * (the language code). The main language switch beside the title gets an accessible name, and
 * shows the language of the tabs modeltranslation opened (the admin's language): it starts on
 * its first option whatever the tabs show, so the Spanish admin read "fr" above Spanish tabs;
 * for those who may only read, it has no option and is hidden.
 * 2. Django's autocomplete fields (Select2): the combobox and its text take the name of the
 * field's label, which Select2 does not link to them.
 * 3. The rich-text editor of pages (django-prose-editor): its editable box takes the name of the
 * field's label, which labels only the hidden textarea.
 * 4. Django's two-list selector (groups and permissions of users): its search icons carry an
 * aria-label, which a plain span may not (axe: aria-prohibited-attr); as images, they may.
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
      // jQuery UI reads the link's href and hash properties to know the panel is on this
      // page (else it would fetch it): they keep their values as properties of this element.
      var href = link.href;
      var hash = link.hash;
      link.removeAttribute("href");
      Object.defineProperty(link, "href", { value: href });
      Object.defineProperty(link, "hash", { value: hash });
      link.setAttribute("tabindex", "-1");
    });
    var mainSwitch = root.querySelector("#modeltranslation-main-switch");
    if (mainSwitch && switchLabel && !mainSwitch.hasAttribute("aria-label")) {
      mainSwitch.setAttribute("aria-label", switchLabel);
    }
    // Nothing to switch for those who may only read (Approvers): no empty box beside the title.
    if (mainSwitch && mainSwitch.options.length === 0) {
      mainSwitch.hidden = true;
    }
  }

  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete[id]").forEach(function (select) {
      var label = document.querySelector("label[for='" + select.id + "']");
      var container = select.nextElementSibling;
      if (!label || !container) {
        return;
      }
      var name = label.textContent.replace(/\s*:\s*$/, "").trim();
      container.querySelectorAll("[role='combobox'], [role='textbox']").forEach(function (el) {
        if (!el.hasAttribute("aria-label")) {
          el.setAttribute("aria-label", name);
        }
      });
    });
  }

  function nameRichText(root) {
    root.querySelectorAll(".prose-editor [contenteditable][role='textbox']").forEach(function (el) {
      var row = el.closest(".flex-container");
      var label = row ? row.querySelector("label") : null;
      if (label && !el.hasAttribute("aria-label")) {
        el.setAttribute("aria-label", label.textContent.replace(/\s*:\s*$/, "").trim());
      }
    });
  }

  function fixSelectorIcons(root) {
    root.querySelectorAll(".selector .help-tooltip[aria-label]:not([role])").forEach(function (el) {
      el.setAttribute("role", "img");
    });
  }

  function fixAll(root) {
    fixTabs(root);
    nameAutocompletes(root);
    nameRichText(root);
    fixSelectorIcons(root);
    // modeltranslation builds the tabs and the switch when jQuery is ready, which may come
    // after the page's load: the observer below catches them then.
    showOpenLanguage();
  }

  // Once: afterwards the switch and the tabs follow each other (modeltranslation's own code).
  var switchShown = false;

  function showOpenLanguage() {
    var mainSwitch = document.querySelector("#modeltranslation-main-switch");
    var tab = document.querySelector(".ui-tabs-nav [role='tab'][aria-selected='true']");
    if (switchShown || !mainSwitch || !tab) {
      return;
    }
    // The tabs are in the switch's order: the open tab's place is the option's value.
    mainSwitch.value = String(Array.prototype.indexOf.call(tab.parentNode.children, tab));
    switchShown = true;
  }

  function start() {
    fixAll(document);
    // Inline rows added later get their tabs then.
    new MutationObserver(function () {
      fixAll(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  // modeltranslation builds its tabs when the document is ready: run after it.
  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
  }
})();
