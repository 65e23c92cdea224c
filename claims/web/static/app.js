// claims review app: small progressive enhancements; every page works without this script.
(function () {
  "use strict";

  // Review forms: save with fetch and update the finding in place (keeps the scroll position).
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.classList || !form.classList.contains("review") || !window.fetch) { return; }
    var button = ev.submitter;
    if (!button || button.name !== "state") { return; }
    ev.preventDefault();
    var data = new FormData(form);
    data.set("state", button.value);
    var article = form.closest("article.finding");
    var saved = form.querySelector("[data-role=saved]");
    if (saved) { saved.textContent = "saving…"; }
    var token = document.querySelector("meta[name=csrf-token]");
    var headers = { "Accept": "application/json" };
    if (token && token.content) { headers["X-CSRF-Token"] = token.content; }
    fetch(form.action, { method: "POST", body: new URLSearchParams(data), headers: headers, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (review) {
        if (article) {
          article.dataset.state = review.state;
          ["open", "confirmed", "dismissed", "follow_up"].forEach(function (s) { article.classList.remove("s-" + s); });
          article.classList.add("s-" + review.state);
          if (!review.changed) { article.classList.remove("changed"); var c = article.querySelector(".tag.changed"); if (c) { c.remove(); } }
          var badge = article.querySelector("[data-role=state]");
          if (badge) { badge.textContent = review.label; badge.className = "state s-" + review.state; }
        }
        if (saved) { saved.textContent = "saved"; }
      })
      .catch(function () { form.submit(); });
  });

  // Filters: apply on change.
  var filters = document.getElementById("filters");
  if (filters) {
    filters.addEventListener("change", function () { filters.submit(); });
  }

  // Run page: poll the status until the run is over, then reload to show the outcomes.
  var run = document.getElementById("run");
  if (run && ["done", "failed", "interrupted"].indexOf(run.dataset.status) < 0 && window.fetch) {
    var id = run.dataset.run;
    var tick = function () {
      fetch("/api/runs/" + encodeURIComponent(id), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          document.getElementById("run-status").textContent = s.status;
          document.getElementById("run-stage").textContent = s.stage;
          var p = document.getElementById("run-progress");
          p.max = s.total || 1; p.value = s.total ? s.done : 0;
          document.getElementById("run-count").textContent = s.total ? (s.done + "/" + s.total) : "";
          document.getElementById("run-message").textContent = s.message;
          if (s.finished) { window.location.reload(); } else { window.setTimeout(tick, 700); }
        })
        .catch(function () { window.setTimeout(tick, 2000); });
    };
    window.setTimeout(tick, 500);
  }
})();
