// policylens pages: the hover popover on highlighted facts.  Everything else works without this file.
// Text is set with textContent only, never as HTML: it comes from documents.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var text = document.getElementById("doc-text");
  var popover = document.getElementById("popover");
  if (!text || !popover) return;

  // The server puts the details in title attributes (shown without JavaScript);
  // with it, they move to data-tip so the browser's own tooltip does not double the popover.
  text.querySelectorAll("mark.hl[title]").forEach(function (mark) {
    mark.dataset.tip = mark.getAttribute("title");
    mark.removeAttribute("title");
  });

  function show(mark) {
    popover.replaceChildren();
    var list = document.createElement("dl");
    mark.dataset.tip.split("\n").forEach(function (line) {
      var cut = line.indexOf(": ");
      var term = document.createElement("dt");
      var value = document.createElement("dd");
      term.textContent = cut < 0 ? "" : line.slice(0, cut);
      value.textContent = cut < 0 ? line : line.slice(cut + 2);
      list.append(term, value);
    });
    popover.append(list);
    popover.dataset.kind = Array.from(mark.classList).filter(function (c) { return c !== "hl"; }).join(" ");
    popover.hidden = false;
    var box = mark.getBoundingClientRect();
    var top = window.scrollY + box.bottom + 6;
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 12);
    popover.style.top = top + "px";
    popover.style.left = Math.max(8, left) + "px";
  }

  function hide() { popover.hidden = true; }

  function target(event) {
    return event.target.closest ? event.target.closest("mark.hl[data-tip]") : null;
  }

  text.addEventListener("mouseover", function (event) {
    var mark = target(event);
    if (mark) show(mark); else hide();
  });
  text.addEventListener("mouseleave", hide);
  text.addEventListener("focusin", function (event) {
    var mark = target(event);
    if (mark) show(mark);
  });
  text.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
});
