// Live consistency hint on a pairwise page: the consistency ratio of the answers so far,
// computed as the server does (principal eigenvalue by power iteration, CR = CI / RI).
// The page works without it; the server's check after saving is the one that counts.
(function () {
  var form = document.querySelector("form[data-consistency]");
  if (!form) { return; }
  var n = parseInt(form.dataset.n, 10), ri = parseFloat(form.dataset.ri), limit = parseFloat(form.dataset.threshold);
  var hint = document.getElementById("consistency-hint");
  if (n < 3 || !(ri > 0) || !hint) { return; }

  function value(text) {
    var parts = text.split("/");
    return parts.length === 2 ? parseFloat(parts[0]) / parseFloat(parts[1]) : parseFloat(text);
  }

  function update() {
    var a = [], i, j, k;
    for (i = 0; i < n; i++) { a.push([]); for (j = 0; j < n; j++) { a[i].push(i === j ? 1 : null); } }
    var pairs = form.querySelectorAll("fieldset[data-i]");
    for (k = 0; k < pairs.length; k++) {
      var checked = pairs[k].querySelector("input:checked");
      if (!checked || checked.value === "dk") { hint.textContent = ""; return; }
      i = parseInt(pairs[k].dataset.i, 10); j = parseInt(pairs[k].dataset.j, 10);
      a[i][j] = value(checked.value); a[j][i] = 1 / a[i][j];
    }
    var w = [], lambda = n, step, next, total;
    for (i = 0; i < n; i++) { w.push(1 / n); }
    for (step = 0; step < 500; step++) {
      next = []; total = 0;
      for (i = 0; i < n; i++) { var s = 0; for (j = 0; j < n; j++) { s += a[i][j] * w[j]; } next.push(s); total += s; }
      lambda = total;  // w sums to 1, so the sum of A w is lambda
      for (i = 0; i < n; i++) { next[i] /= total; }
      w = next;
    }
    var cr = Math.max(0, (lambda - n) / (n - 1)) / ri;
    var ok = cr <= limit + 1e-12;
    hint.textContent = (ok ? form.dataset.okText : form.dataset.highText).replace("%s", cr.toFixed(2).replace(".", form.dataset.decimal || "."));
    hint.className = ok ? "hint ok" : "hint";
  }

  form.addEventListener("change", update);
  update();
})();
