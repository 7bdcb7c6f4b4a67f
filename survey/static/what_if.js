// A what-if form's slider: shown only with JavaScript (the form alone works without it). Moving it writes the
// weight into the form's field and asks the server for the same page with the form's values; the page's
// result (the element named by data-what-if) replaces the one shown. Only the latest answer is put in place.
(function () {
  document.querySelectorAll("form[data-what-if]").forEach(function (form) {
    var field = form.querySelector("input[name=weight]"), choice = form.querySelector("select[name=element]");
    var slider = form.querySelector("input[type=range]"), label = form.querySelector("label[for=" + slider.id + "]");
    var comma = form.dataset.decimal === ",", waiting = null, asked = 0;
    var anchor = form.getAttribute("action").split("#")[1] || "";

    function shown(value) { return comma ? String(value).replace(".", ",") : String(value); }
    function read(text) { return parseFloat(comma ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "")); }
    function place(text) {
      var value = read(text);
      if (value > 0 && value < 100) { slider.value = value; }
    }

    function update() {
      var query = new URLSearchParams(location.search);  // the page's other choices (a grouping threshold) stay
      new FormData(form).forEach(function (value, name) { query.set(name, value); });
      var address = form.action.split("#")[0] + "?" + query.toString(), mine = ++asked;
      fetch(address, {credentials: "same-origin"}).then(function (response) { return response.text(); })
        .then(function (page) {
          var result = document.getElementById(form.dataset.whatIf);
          var fresh = new DOMParser().parseFromString(page, "text/html").getElementById(form.dataset.whatIf);
          if (mine !== asked || !result || !fresh) { return; }
          result.innerHTML = fresh.innerHTML;
          var error = result.querySelector(".error");
          if (error) { field.setAttribute("aria-invalid", "true"); } else { field.removeAttribute("aria-invalid"); }
          history.replaceState(null, "", address + (anchor ? "#" + anchor : ""));
        });
    }

    slider.hidden = label.hidden = false;
    place(field.value);
    slider.addEventListener("input", function () {
      field.value = shown(slider.value);
      clearTimeout(waiting);
      waiting = setTimeout(update, 150);
    });
    field.addEventListener("change", function () { place(field.value); });
    choice.addEventListener("change", function () {
      var now = choice.options[choice.selectedIndex].dataset.weight;
      field.value = now;
      place(now);
      update();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      place(field.value);
      update();
    });
  });
})();
