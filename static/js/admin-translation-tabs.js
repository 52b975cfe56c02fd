/* Accessibility for modeltranslation's tabbed admin, after it has built its tabs:
 * - its language switch gets a name (the change form's template says it in the admin's
 *   language, in <meta name="sfia-language-switch-label">);
 * - jQuery UI leaves a link inside each role="tab" item; once the tabs exist the link's href
 *   has done its work (panels are found by aria-controls, clicks and keys are bound to the
 *   elements), so it is dropped: a tab is then one control, not a control inside another. */
"use strict";
(function ($) {
  function repair() {
    var label = document.querySelector('meta[name="sfia-language-switch-label"]');
    var select = document.getElementById("modeltranslation-main-switch");
    if (label && select) {
      select.setAttribute("aria-label", label.content);
    }
    document.querySelectorAll(".ui-tabs-anchor[href]").forEach(function (anchor) {
      anchor.removeAttribute("href");
    });
  }
  // Registered after modeltranslation's own ready handler, so it runs after the tabs exist.
  $(repair);
  $(document).on("formset:added", function () {
    setTimeout(repair, 0);
  });
})(django.jQuery);
