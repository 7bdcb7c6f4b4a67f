// The new-round form shows only the options of the chosen kind of round. Without JavaScript every group is
// shown, its heading saying which kinds use it. Hidden fields are still sent: the server checks them as ever.
(function () {
  var form = document.querySelector("form[data-round-kinds]");
  if (!form) { return; }
  var kind = form.querySelector("#kind"), groups = form.querySelectorAll("fieldset[data-kinds]");

  function show() {
    groups.forEach(function (group) {
      var used = group.dataset.kinds.split(" ").indexOf(kind.value) >= 0;
      group.hidden = !used && !group.querySelector("[aria-invalid]");  // a refused field stays in sight
    });
  }

  kind.addEventListener("change", show);
  show();
})();
