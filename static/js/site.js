/* Progressive enhancements; every page works without this file. */
(function () {
  "use strict";

  /* Quick exit: replace this page in the history so "back" does not return to it,
     on click or when Escape is pressed three times within two seconds. */
  var exit = document.querySelector("[data-quick-exit]");
  if (exit) {
    var leave = function (event) {
      if (event) { event.preventDefault(); }
      document.body.hidden = true;
      window.location.replace(exit.href);
    };
    exit.addEventListener("click", leave);
    var presses = [];
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      presses = presses.filter(function (time) { return now - time < 2000; });
      presses.push(now);
      if (presses.length >= 3) { leave(); }
    });
  }

  /* Error summary: take the focus on load where the browser ignored autofocus, so that screen
     readers announce the problems first; its links focus the field and show its label. */
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    if (document.activeElement !== summary) { summary.focus(); }
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) { return; }
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) { return; }
      event.preventDefault();
      var label = document.querySelector("label[for='" + field.id + "']");
      var fieldset = field.closest("fieldset");
      var legend = fieldset ? fieldset.querySelector("legend") : null;
      (legend || label || field).scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }
})();
