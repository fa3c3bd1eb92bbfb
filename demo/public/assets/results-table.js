// A plain table of the round's figures, for when <lc-results> is not part of the loaded bundle:
// the same data the element reads, fetched from the collector and written as text. The collector
// sends every group however small; like the element, the table shows a criterion's figures only
// with at least MIN_GROUP answers with a level, and (simpler than the element) none per
// perspective, so no small group can be read off it or worked out by subtraction.
const MIN_GROUP = 5;
const results = document.getElementById('results');
const section = document.getElementById('fallback');
const status = document.getElementById('fallback-status');
const body = document.querySelector('#fallback-table tbody');

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const show = (value) => (value === null || value === undefined ? '–' : number.format(value));

function row(cells, header) {
  const tr = document.createElement('tr');
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 && header ? 'th' : 'td');
    if (i === 0 && header) cell.scope = 'row';
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

async function load() {
  status.textContent = 'Loading…';
  try {
    const response = await fetch(results.getAttribute('src'), { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = await response.json();
    if (data?.schema !== 'lc-results/1' || !Array.isArray(data.criteria)) throw new Error('not lc-results/1');
    const rows = [];
    let hidden = 0;
    for (const c of data.criteria) {
      const s = c.overall;
      if (s.n - s.dontKnow < MIN_GROUP) {
        if (s.n > 0) hidden += 1;
        continue;
      }
      rows.push(
        row([c.criterion, 'all', s.n, ...s.levels, s.dontKnow, show(s.mean), show(s.median)].map(String), true),
      );
    }
    body.replaceChildren(...rows);
    const answers = data.criteria.reduce((sum, c) => sum + c.overall.n, 0);
    status.textContent =
      `${answers} ${answers === 1 ? 'answer' : 'answers'} in round ${data.round}.` +
      (hidden ? ` ${hidden} criteria with fewer than ${MIN_GROUP} answers are not shown.` : '');
  } catch (error) {
    status.textContent = `The results could not be loaded (${error.message}).`;
  }
}

// The loader defines <lc-results> once its file has loaded, after this script has run: the table
// is shown only if that has not happened within a few seconds (a bundle without the element, or
// a file that could not load).
const defined = await Promise.race([
  customElements.whenDefined('lc-results').then(() => true),
  new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
]);
if (!defined) {
  section.hidden = false;
  document.getElementById('refresh').addEventListener('click', load);
  load();
}
