// The lesson video's player: starts where the trainee stopped and reports the position every few seconds, on pause
// and at the end. The server decides what counts as watched; this only tells it where the player is.
(function () {
  var v = document.querySelector('#lesson-video video');
  if (!v) { return; }
  var status = document.getElementById('video-status');
  var resume = parseFloat(v.getAttribute('data-resume') || '0');
  if (resume > 0) {
    var go = function () { v.currentTime = resume; };
    if (v.readyState >= 1) { go(); } else { v.addEventListener('loadedmetadata', go, { once: true }); }
  }
  var last = 0;
  function report() {
    var body = new URLSearchParams();
    body.set('position', String(v.currentTime));
    body.set('duration', String(isFinite(v.duration) ? v.duration : -1));
    var name = v.getAttribute('data-csrf-name');
    if (name) { body.set(name, v.getAttribute('data-csrf-value')); }
    fetch(v.getAttribute('data-report'), { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        if (answer && answer.done && status) {
          status.textContent = v.getAttribute(answer.moduleCompleted ? 'data-module-done-text' : 'data-done-text');
        }
      })
      .catch(function () { /* offline for a moment: the next report carries the position */ });
  }
  v.addEventListener('timeupdate', function () {
    var now = Date.now();
    if (now - last >= 5000) { last = now; report(); }
  });
  v.addEventListener('pause', report);
  v.addEventListener('ended', report);
})();
