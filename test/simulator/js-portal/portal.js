/* global document, location, window, fetch, URLSearchParams */
// The simulated judicial-acts bank's front end (served as a static file): the query is JSON
// in the URL hash, results come from /api/search as JSON and are rendered here, an act is
// shown in an iframe. Nothing is in the HTML the server sends: without a browser, no content.
(function () {
  var app = document.getElementById('app');
  function esc(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function readHash() {
    try {
      return JSON.parse(decodeURIComponent(location.hash.slice(1)));
    } catch {
      return null;
    }
  }
  function hashOf(query) {
    return '#' + encodeURIComponent(JSON.stringify(query));
  }
  function showAct(query) {
    fetch('/api/act/' + encodeURIComponent(query.act))
      .then(function (response) { return response.json(); })
      .then(function (act) {
        app.innerHTML =
          '<div id="act-view"><h2 class="act-kind">' + esc(act.kind) + '</h2><dl>' +
          '<dt>Номер дела</dt><dd class="case-number">' + esc(act.caseNumber) + '</dd>' +
          '<dt>Суд</dt><dd class="court">' + esc(act.court) + '</dd>' +
          '<dt>Дата</dt><dd class="date">' + esc(act.date) + '</dd></dl>' +
          '<iframe id="act-frame" src="/act/' + encodeURIComponent(act.id) + '.html"></iframe></div>';
        document.getElementById('act-frame').addEventListener('load', function () {
          app.setAttribute('data-state', 'act-ready');
        });
      });
  }
  function showResults(query) {
    var params = new URLSearchParams({ text: query.text || '', page: String(query.page || 1), from: query.from || '', to: query.to || '' });
    fetch('/api/search?' + params.toString())
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var items = data.items.map(function (item) {
          return '<li class="result"><a class="act-link" href="' + hashOf({ act: item.id }) + '">' + esc(item.caseNumber) + '</a>' +
            ' <span class="court">' + esc(item.court) + '</span> <span class="date">' + esc(item.date) + '</span></li>';
        });
        var next = data.page < data.pages ? '<a class="next" href="' + hashOf(Object.assign({}, query, { page: data.page + 1 })) + '">Далее</a>' : '';
        app.innerHTML = '<div class="total">Найдено: ' + data.total + '</div><ul id="results">' + items.join('') + '</ul>' + next;
        app.setAttribute('data-state', 'results-ready');
      });
  }
  function render() {
    app.removeAttribute('data-state');
    var query = readHash();
    if (query && query.act) return showAct(query);
    if (query) return showResults(query);
    app.innerHTML = '<p>Введите запрос</p>';
  }
  window.addEventListener('hashchange', render);
  render();
})();
