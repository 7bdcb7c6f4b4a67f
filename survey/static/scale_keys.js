// Arrow keys on the two-sided scale stop at its ends: a browser moves round a radio group, so
// ArrowLeft on A's "9" would jump to B's "9" and reverse a judgment with one key press.
(function () {
  var BACK = {ArrowLeft: true, ArrowUp: true}, ON = {ArrowRight: true, ArrowDown: true};
  document.addEventListener("keydown", function (event) {
    var radio = event.target;
    if (radio.type !== "radio" || !radio.closest("fieldset.pair")) { return; }
    var group = radio.closest("fieldset.pair").querySelectorAll('input[type=radio][name="' + radio.name + '"]');
    if ((BACK[event.key] && radio === group[0]) || (ON[event.key] && radio === group[group.length - 1])) {
      event.preventDefault();
    }
  });
})();
