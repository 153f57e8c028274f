// Batch progress: poll this batch's status, move the bar, show the results when it is done. No library.
(function () {
  var box = document.getElementById("batch-progress");
  if (!box || !box.getAttribute("data-status")) return;
  var bar = box.querySelector("progress");
  var text = document.getElementById("batch-progress-text");
  function tick() {
    fetch(box.getAttribute("data-status"), {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        box.setAttribute("data-state", s.state);
        if (s.state === "done" || s.state === "failed" || s.state === "gone") { location.reload(); return; }
        if (s.total) { bar.max = s.total; bar.value = s.done; }
        text.textContent = s.state === "queued" ? "Waiting for another batch to finish…"
          : s.state === "starting" ? "Starting…" : s.done + " of " + s.total + " inputs done…";
        setTimeout(tick, 500);
      })
      .catch(function () { setTimeout(tick, 1500); });
  }
  tick();
})();
