// A personal link's "Copy" button: shown only with JavaScript (the field alone can be selected and copied),
// it puts the link on the clipboard and says "Copied" beside it (read out by a screen reader too).
(function () {
  function copied(box) {
    var status = box.querySelector(".copied");
    status.textContent = status.dataset.copied;
    setTimeout(function () { status.textContent = ""; }, 4000);
  }

  document.querySelectorAll(".link-box").forEach(function (box) {
    var field = box.querySelector("input"), button = box.querySelector("[data-copy]");
    button.hidden = false;
    button.addEventListener("click", function () {
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { copied(box); },
          function () { if (document.execCommand("copy")) { copied(box); } });
      } else if (document.execCommand("copy")) {  // plain-HTTP intranets have no Clipboard API
        copied(box);
      }
    });
  });
})();
