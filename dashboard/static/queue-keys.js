/* global document, window */
// Keyboard triage on the queue: j / k move, Enter opens, c / d / f press the row's
// Confirm / Dismiss / Follow-up button. Served as a file (the CSP allows no inline script);
// every action is an ordinary form or link, so the page works without this file.
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.queue tbody tr'));
  if (rows.length === 0) return;
  var current = -1;

  function select(index) {
    if (index < 0 || index >= rows.length) return;
    if (current >= 0) rows[current].classList.remove('selected');
    current = index;
    rows[current].classList.add('selected');
    rows[current].setAttribute('aria-selected', 'true');
    rows[current].scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) return;
    if (event.key === 'j') select(current + 1);
    else if (event.key === 'k') select(current < 0 ? 0 : current - 1);
    else if (current >= 0 && event.key === 'Enter') {
      var link = rows[current].querySelector('a.case-link');
      if (link) window.location.href = link.getAttribute('href');
    } else if (current >= 0 && (event.key === 'c' || event.key === 'd' || event.key === 'f')) {
      var button = rows[current].querySelector('button[data-key="' + event.key + '"]');
      if (button) button.click();
    } else return;
    event.preventDefault();
  });
})();
