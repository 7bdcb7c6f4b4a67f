// Pages that move on by themselves (a counter's TV and tablet), without the page-wide reload of a meta refresh
// (which stays in <noscript> for browsers without JavaScript). <body data-refresh="30">: every 30 seconds the
// page is fetched again and its <main> replaced in place; a failed fetch keeps what is shown (a weak signal).
// <body data-refresh="5" data-refresh-url="...">: after 5 seconds, that page (the tablet's fresh form).
(function () {
  var seconds = Number(document.body.getAttribute("data-refresh"));
  var target = document.body.getAttribute("data-refresh-url");
  if (!seconds) { return; }
  if (target) {
    setTimeout(function () { location.replace(target); }, seconds * 1000);
    return;
  }
  setInterval(function () {
    fetch(location.href, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) { return; }
      return response.text().then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main");
        if (fresh) { document.querySelector("main").innerHTML = fresh.innerHTML; }
      });
    }).catch(function () { /* offline: the last figures stay until the next try */ });
  }, seconds * 1000);
})();
