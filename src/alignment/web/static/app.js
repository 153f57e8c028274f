// Evidence filter of the check report: show the evidence of one category only. No library.
(function () {
  var select = document.getElementById("evidence-filter");
  var groups = document.querySelectorAll("#evidence [data-category]");
  if (!select || !groups.length) return;
  groups.forEach(function (g) {
    var option = document.createElement("option");
    option.value = g.getAttribute("data-category");
    option.textContent = g.getAttribute("data-category") + " " + (g.getAttribute("data-label") || "");
    select.appendChild(option);
  });
  document.getElementById("filter-box").hidden = false;
  select.addEventListener("change", function () {
    groups.forEach(function (g) {
      g.hidden = select.value !== "" && g.getAttribute("data-category") !== select.value;
    });
  });
})();
