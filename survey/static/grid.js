// The data grid (templates/hr/grid.html) behaves like a spreadsheet: arrow keys and Enter move between
// cells, a block copied from Excel or Google Sheets (tab-separated rows) pastes from the focused cell
// down and right, and changed cells are highlighted. Without this file the grid is a plain form.
(function () {
  "use strict";
  var table = document.getElementById("grid");
  if (!table) { return; }
  var status = document.getElementById("grid-status");
  var inputs = Array.prototype.slice.call(table.querySelectorAll("input[data-row]"));
  var at = {};  // "row,col" -> input
  var rows = 0;
  inputs.forEach(function (input) {
    at[input.dataset.row + "," + input.dataset.col] = input;
    rows = Math.max(rows, Number(input.dataset.row) + 1);
  });

  function cell(row, col) { return at[row + "," + col]; }

  function say(template, count) {
    if (status && template) { status.textContent = template.replace("{count}", count); }
  }

  function mark(input) {
    input.classList.toggle("changed", input.value.trim() !== "" && input.value.trim() !== input.dataset.stored);
    var changed = inputs.filter(function (each) { return each.classList.contains("changed"); }).length;
    say(table.dataset.changed, changed);
  }

  // The next cell in a column, skipping rows without it (a formula input only some KPIs have).
  function vertical(input, step) {
    var col = input.dataset.col;
    for (var row = Number(input.dataset.row) + step; row >= 0 && row < rows; row += step) {
      if (cell(row, col)) { return cell(row, col); }
    }
    return null;
  }

  function horizontal(input, step) {
    var position = inputs.indexOf(input) + step;
    return position >= 0 && position < inputs.length ? inputs[position] : null;
  }

  function move(target) {
    if (target) { target.focus(); target.select(); }
  }

  table.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.dataset || input.dataset.row === undefined || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    var target = null;
    if (event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey)) {
      target = vertical(input, 1);
      if (event.key === "Enter") { event.preventDefault(); }  // Enter moves, as in a spreadsheet; the button saves
    } else if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)) {
      target = vertical(input, -1);
      if (event.key === "Enter") { event.preventDefault(); }
    } else if (event.key === "ArrowLeft" && (whole || input.selectionStart === 0)) {
      target = horizontal(input, -1);
    } else if (event.key === "ArrowRight" && (whole || input.selectionEnd === input.value.length)) {
      target = horizontal(input, 1);
    }
    if (target) { event.preventDefault(); move(target); }
  });

  table.addEventListener("input", function (event) {
    if (event.target.dataset && event.target.dataset.row !== undefined) { mark(event.target); }
  });

  // A header row (text that is no number, such as "Realisasi") is left out.
  function isHeader(values) {
    return values.some(function (value) { return /[A-Za-z\u00C0-\u024F]/.test(value); });
  }

  table.addEventListener("paste", function (event) {
    var input = event.target;
    if (!input.dataset || input.dataset.row === undefined || !event.clipboardData) { return; }
    var text = event.clipboardData.getData("text/plain");
    if (text.indexOf("\t") < 0 && text.indexOf("\n") < 0) { return; }  // one value: the browser pastes it
    event.preventDefault();
    var lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n").map(function (line) {
      return line.split("\t").map(function (value) { return value.trim(); });
    });
    if (lines.length && isHeader(lines[0])) { lines.shift(); }
    var startRow = Number(input.dataset.row), startCol = Number(input.dataset.col);
    var filled = 0, outside = 0;
    lines.forEach(function (values, offset) {
      values.forEach(function (value, step) {
        var target = cell(startRow + offset, startCol + step);
        if (!target) { if (value !== "") { outside += 1; } return; }
        if (value === "" || target.readOnly) { return; }  // a blank pasted cell leaves the value as it is
        target.value = value;
        mark(target);
        filled += 1;
      });
    });
    say(table.dataset.filled, filled);
    if (outside && status) { status.textContent += " " + table.dataset.outside.replace("{count}", outside); }
  });
})();
