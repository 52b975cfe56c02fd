/* The editor's change form: one choice opens the chosen language's section in the object and
 * in every level below it, and closes the other languages' (each section is a <details>, which
 * also opens and closes by itself). Without this script the sections still work; the choice
 * stays hidden. It only opens and closes: nothing in the form is changed or sent. */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var choice = document.getElementById("language-sections-choice");
  if (!choice) {
    return;
  }
  choice.closest("[hidden]").hidden = false;
  choice.addEventListener("change", function () {
    document.querySelectorAll("fieldset.language-section").forEach(function (section) {
      var details = section.querySelector(":scope > details");
      if (details && choice.value) {
        details.open =
          choice.value === "all" || section.classList.contains("language-" + choice.value);
      }
    });
  });
});
