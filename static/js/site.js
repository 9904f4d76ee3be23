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
})();
