// How many pairs of a pairwise page are answered and how many remain, as the respondent goes:
// a 20-element page asks 190 questions. Without JavaScript the page says how many pairs it has.
(function () {
  var form = document.querySelector("form[data-consistency]"), hint = document.getElementById("pairs-left");
  if (!form || !hint) { return; }
  var pairs = form.querySelectorAll("fieldset[data-i]");

  function update() {
    var answered = form.querySelectorAll("fieldset[data-i] input:checked").length;
    hint.textContent = hint.dataset.text.replace("%a", answered).replace("%t", pairs.length)
      .replace("%l", pairs.length - answered);
  }

  form.addEventListener("change", update);
  update();
})();
