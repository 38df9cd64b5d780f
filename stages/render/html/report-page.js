// The interactive report's page script (inlined into report.html by stages/render/html/assemble-html-report.ts).
// Plain browser JavaScript, no build step: it runs against the inlined vega, vega-lite and vega-embed
// globals. It embeds every figure, applies the region selector and the competency search to figures
// and tables, sorts tables, and downloads tables as CSV and figures as SVG, PNG and Vega-Lite spec.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  // A profile page (reports/profiles/) has neither selector nor search: both then stay empty.
  var noControl = { value: '', addEventListener: function () {} };
  var regionSelect = document.getElementById('region-select') || noControl;
  var search = document.getElementById('competency-search') || noControl;
  var status = document.getElementById('filter-status') || {};
  var views = {};
  // The page's own strings in the report's language (assemble-html-report.ts PAGE_SCRIPT_KEYS), English as a fallback.
  var text = data.text || {};
  function say(key, fallback, params) {
    var template = text[key] || fallback;
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return params && name in params ? String(params[name]) : whole; });
  }
  var decimal = data.decimal || '.';

  function download(name, blob) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function clone(value) { return JSON.parse(JSON.stringify(value)); }

  // The arrays of plain records a spec inlines (top-level, layers, concatenations), largest first.
  function inlineRecords(spec) {
    var found = [];
    (function walk(node) {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) { node.forEach(walk); return; }
      if (Array.isArray(node.values) && node.values.some(function (row) { return row && typeof row === 'object'; })) found.push(node.values);
      if (node.datasets) Object.keys(node.datasets).forEach(function (key) { if (Array.isArray(node.datasets[key])) found.push(node.datasets[key]); });
      Object.keys(node).forEach(function (key) { if (key !== 'values' && key !== 'datasets') walk(node[key]); });
    })(spec);
    return found;
  }

  function primitiveKeys(rows) {
    var keys = [];
    rows.forEach(function (row) {
      if (!row || typeof row !== 'object') return;
      Object.keys(row).forEach(function (key) {
        var value = row[key];
        if (keys.indexOf(key) < 0 && (value === null || typeof value !== 'object')) keys.push(key);
      });
    });
    return keys;
  }

  // The competency search filters a spec's records that carry a `competency` field.
  function filteredSpec(spec, query) {
    var copy = clone(spec);
    if (!query) return copy;
    inlineRecords(copy).forEach(function (rows) {
      if (!rows.some(function (row) { return row && typeof row.competency === 'string'; })) return;
      var kept = rows.filter(function (row) { return typeof row.competency !== 'string' || row.competency.toLowerCase().indexOf(query) >= 0; });
      rows.length = 0;
      Array.prototype.push.apply(rows, kept);
    });
    return copy;
  }

  function figureTable(container, spec, title) {
    var records = inlineRecords(spec).filter(function (rows) { return rows.length > 0 && primitiveKeys(rows).length > 0; });
    container.textContent = '';
    if (records.length === 0) { container.textContent = say('noData', 'No data.'); return; }
    var rows = records.sort(function (a, b) { return b.length - a.length; })[0];
    var keys = primitiveKeys(rows);
    var table = document.createElement('table');
    var caption = table.createCaption();
    caption.textContent = say('dataOf', 'Data of the figure: {title}', { title: title });
    var head = table.createTHead().insertRow();
    keys.forEach(function (key) { var th = document.createElement('th'); th.scope = 'col'; th.textContent = key; head.appendChild(th); });
    var body = table.createTBody();
    rows.forEach(function (row) {
      var tr = body.insertRow();
      keys.forEach(function (key) {
        var td = tr.insertCell();
        var value = row[key];
        td.textContent = value === null || value === undefined ? '–' : typeof value === 'number' ? String(Math.round(value * 1000) / 1000).replace('.', decimal).replace('-', '\u2212') : String(value);
      });
    });
    container.appendChild(table);
  }

  function currentSpec(id) {
    var figure = data.figures[id];
    var region = regionSelect.value;
    if (region && figure.byRegion && figure.byRegion[region]) return { spec: figure.byRegion[region], regional: true };
    return { spec: figure.spec, regional: false };
  }

  function renderFigure(element) {
    var id = element.getAttribute('data-figure-id');
    var figure = data.figures[id];
    if (!figure) return Promise.resolve();
    var chosen = currentSpec(id);
    var region = regionSelect.value;
    var note = element.querySelector('.region-note');
    var isRegionSection = !!element.closest('.region-section');
    if (region && region !== 'Global' && !chosen.regional && !isRegionSection) {
      note.hidden = false;
      note.textContent = figure.byRegion
        ? say('noRegionData', 'No published estimates for {region} in this figure (suppressed, not asked, or not in the previous wave): it shows Global.', { region: region })
        : say('globalOnly', 'This figure is not estimated per region: it shows Global.');
    } else {
      note.hidden = true;
    }
    var spec = filteredSpec(chosen.spec, search.value.trim().toLowerCase());
    element._spec = spec;
    figureTable(element.querySelector('.figure-table'), spec, figure.title);
    var target = element.querySelector('.chart');
    // The alternative text describes the report's own (Global) chart; a region's variant gets a plain label.
    if (!target.hasAttribute('data-label')) target.setAttribute('data-label', target.getAttribute('aria-label'));
    var regionName = regionSelect.options && regionSelect.selectedIndex >= 0 ? regionSelect.options[regionSelect.selectedIndex].text : region;
    target.setAttribute('aria-label', chosen.regional ? say('regionChart', 'Chart: {title}, {region}. The data table below lists the values.', { title: figure.title, region: regionName }) : target.getAttribute('data-label'));
    if (views[id]) { views[id].finalize(); delete views[id]; }
    return vegaEmbed(target, spec, {
      renderer: 'svg',
      actions: { export: true, source: false, compiled: false, editor: false },
      tooltip: true,
      downloadFileName: id,
    }).then(function (result) {
      views[id] = result.view;
      var svg = target.querySelector('svg');
      if (svg) { svg.setAttribute('aria-hidden', 'true'); svg.setAttribute('focusable', 'false'); }
      var summary = target.querySelector('details > summary');
      if (summary) summary.setAttribute('aria-label', say('export', 'Export {title}', { title: figure.title }));
    }).catch(function (error) {
      console.error('figure ' + id + ': ' + error);
    });
  }

  function renderAll() {
    var figures = document.querySelectorAll('figure[data-figure-id]');
    var pending = [];
    figures.forEach(function (element) {
      var section = element.closest('section[hidden]');
      if (!section) pending.push(renderFigure(element));
    });
    return Promise.all(pending);
  }

  function applyTableFilters() {
    var region = regionSelect.value;
    var query = search.value.trim().toLowerCase();
    document.querySelectorAll('.region-section').forEach(function (section) {
      section.hidden = !!region && section.getAttribute('data-region') !== region;
    });
    // Parts that describe the whole wave and have no region breakdown say so while a region is selected.
    document.querySelectorAll('[data-whole-wave-note]').forEach(function (note) {
      note.hidden = !region || region === 'Global';
      note.textContent = note.hidden ? '' : say('wholeWave', 'Not split by region: this part describes the whole wave, whatever region is selected.');
    });
    document.querySelectorAll('table.data-table').forEach(function (table) {
      var shown = 0;
      var rows = table.tBodies[0].rows;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var rowRegion = row.getAttribute('data-region');
        var competency = (row.getAttribute('data-competency') || '').toLowerCase();
        var visible = true;
        if (rowRegion !== null) visible = region ? rowRegion === region : row.getAttribute('data-region-only') !== 'true';
        if (query && row.hasAttribute('data-competency') && competency.indexOf(query) < 0) visible = false;
        row.hidden = !visible;
        if (visible) shown++;
      }
      var count = table.parentNode.querySelector('.row-count');
      if (count) count.textContent = shown === rows.length ? '' : say('rowsShown', '{shown} of {total} rows shown', { shown: shown, total: rows.length });
    });
    var parts = [];
    if (region) parts.push(say('regionFilter', 'region {region}', { region: regionSelect.options[regionSelect.selectedIndex].text }));
    if (query) parts.push(say('searchFilter', 'competencies matching “{query}”', { query: search.value.trim() }));
    status.textContent = parts.length ? say('showing', 'Showing {filters}.', { filters: parts.join(', ') }) : '';
  }

  function update() {
    applyTableFilters();
    document.body.setAttribute('data-rendering', 'true');
    return renderAll().then(function () { document.body.removeAttribute('data-rendering'); });
  }

  function sortTable(button) {
    var th = button.closest('th');
    var table = th.closest('table');
    var column = Number(button.getAttribute('data-sort-column'));
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('thead th').forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = th.classList.contains('num');
    var key = function (row) {
      var text = row.cells[column].textContent.trim();
      if (!numeric) return text;
      // Numbers as the locale prints them: minus sign U+2212, grouping spaces or points, decimal comma.
      var plain = text.replace('\u2212', '-').replace(/^< ?/, '').replace(/[\s\u00a0\u202f]/g, '');
      if (decimal !== '.') plain = plain.split('.').join('').replace(decimal, '.');
      var number = parseFloat(plain);
      return isNaN(number) ? -Infinity : number;
    };
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = numeric ? x - y : String(x).localeCompare(String(y), data.lang || 'en');
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function csvCell(text) { return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text; }

  function tableCsv(table) {
    var lines = [];
    var header = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return csvCell(cell.textContent.trim()); });
    lines.push(header.join(','));
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (row.hidden) return;
      lines.push(Array.prototype.map.call(row.cells, function (cell) { return csvCell(cell.textContent.trim()); }).join(','));
    });
    return lines.join('\n') + '\n';
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button) return;
    if (button.hasAttribute('data-sort-column')) { sortTable(button); return; }
    if (button.classList.contains('download-csv')) {
      var name = button.getAttribute('data-download-table');
      download(name + '.csv', new Blob([tableCsv(document.querySelector('#' + name + ' table'))], { type: 'text/csv' }));
      return;
    }
    var figure = button.closest('figure[data-figure-id]');
    if (!figure) return;
    var id = figure.getAttribute('data-figure-id');
    if (button.classList.contains('download-spec')) {
      download(id + '.vl.json', new Blob([JSON.stringify(figure._spec, null, 2)], { type: 'application/json' }));
    } else if (button.classList.contains('download-svg') && views[id]) {
      views[id].toSVG().then(function (svg) { download(id + '.svg', new Blob([svg], { type: 'image/svg+xml' })); });
    } else if (button.classList.contains('download-png') && views[id]) {
      views[id].toImageURL('png', 2).then(function (url) { fetchless(url, id + '.png'); });
    }
  });

  // A data: URL downloaded without fetch (the page makes no requests).
  function fetchless(url, name) {
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  regionSelect.addEventListener('change', update);
  var searchTimer = null;
  search.addEventListener('input', function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(update, 250);
  });

  update().then(function () { document.body.setAttribute('data-ready', 'true'); });
})();
