// The explorer page: the URL is the state; each change of a control re-asks the API and redraws.
import { graphql } from './api.js';
import { Controls } from './controls.js';
import { Details } from './details.js';
import { buildSvg } from './diagram.js';
import { downloadPng, downloadReport, downloadSvg } from './exports.js';
import { h } from './html.js';
import { renderLegend } from './legend.js';
import { drawingOf, pictureOfPaths, pictureOfTrace } from './model.js';
import { PATHS, SETUP, TRACE } from './queries.js';
import { attachSearch } from './search.js';
import { PATHS_ARGUMENTS, TRACE_ARGUMENTS, readState, variablesFor, writeState } from './state.js';
import { renderTables } from './table.js';
import { Viewport } from './viewport.js';

const $ = (id) => document.getElementById(id);

const page = {
  state: readState(location.search),
  controls: null,
  picture: null,
  drawing: null,
  request: null,
  viewport: null,
  asked: 0,
};

const details = new Details($('details'), {
  traceFrom: (id) => change({ from: id, to: undefined }),
  pathsTo: (id) => change({ to: id }),
  selectFlow: (id) => select({ flowIds: [id] }),
});

async function start() {
  renderLegend($('legend'));
  let setup;
  try {
    setup = await graphql(SETUP);
  } catch (error) {
    showError(error);
    $('status').textContent = 'The explorer could not start.';
    return;
  }
  page.controls = new Controls($('controls'), setup, (shown) => change(shown));
  attachSearch($('from-search'), $('from-results'), (org) => change({ from: org.id, to: undefined }));
  attachSearch($('to-search'), $('to-results'), (org) => change({ to: org.id }));
  $('clear-to').addEventListener('click', () => change({ to: undefined, k: undefined }));
  $('tab-diagram').addEventListener('click', () => change({ view: undefined }));
  $('tab-table').addEventListener('click', () => change({ view: 'table' }));
  $('zoom-in').addEventListener('click', () => page.viewport?.zoom(1.25));
  $('zoom-out').addEventListener('click', () => page.viewport?.zoom(0.8));
  $('zoom-fit').addEventListener('click', () => page.viewport?.fit());
  $('export-png').addEventListener('click', () => downloadPng(page.drawing, heading(), fileName()));
  $('export-svg').addEventListener('click', () => downloadSvg(page.drawing, heading(), fileName()));
  $('export-report').addEventListener('click', () => downloadReport(page.picture, page.drawing, {
    title: heading(),
    heading: heading(),
    link: location.href,
    document: page.request.document,
    variables: page.request.variables,
    made: new Date().toISOString(),
  }, fileName()));
  window.addEventListener('popstate', () => {
    page.state = readState(location.search);
    show();
  });
  show();
}

/** A new state from a control: into the URL (so Back works and a link reproduces it), then shown. */
function change(partial) {
  const previous = writeState(page.state);
  page.state = { ...page.state, ...partial };
  const next = writeState(page.state);
  if (next !== previous) {
    history.pushState(null, '', `/explore${next ? `?${next}` : ''}`);
  }
  show();
}

function show() {
  const { state } = page;
  page.controls.show(state);
  const table = state.view === 'table';
  $('tab-diagram').setAttribute('aria-selected', String(!table));
  $('tab-table').setAttribute('aria-selected', String(table));
  $('diagram-panel').hidden = table;
  $('table-panel').hidden = !table;
  $('legend').hidden = table;
  if (!state.to) {
    $('to-search').value = '';
  }
  const question = questionOf(state);
  if (question && page.request && question.key === page.request.key) {
    return; // only the view changed
  }
  ask(question);
}

function questionOf(state) {
  if (!state.from) {
    return null;
  }
  if (state.to) {
    const variables = variablesFor(state, PATHS_ARGUMENTS);
    return { kind: 'paths', document: PATHS, variables, key: JSON.stringify(['paths', variables]) };
  }
  const variables = variablesFor(state, TRACE_ARGUMENTS);
  variables.downstream = (state.direction ?? 'DOWNSTREAM') === 'DOWNSTREAM';
  return { kind: 'trace', document: TRACE, variables, key: JSON.stringify(['trace', variables]) };
}

async function ask(question) {
  page.asked += 1;
  const asked = page.asked;
  page.request = question;
  $('error').hidden = true;
  $('notice').hidden = true;
  if (!question) {
    clearPicture();
    $('from-name').textContent = '(choose an organization)';
    $('status').textContent = 'Search for an organization above (for example X, or Twitter) to see where its data goes.';
    return;
  }
  $('status').textContent = question.kind === 'paths'
    ? `Finding paths from ${page.state.from} to ${page.state.to}…`
    : `Tracing from ${page.state.from}…`;
  $('diagram-panel').setAttribute('aria-busy', 'true');
  try {
    const data = await graphql(question.document, question.variables);
    if (asked !== page.asked) {
      return;
    }
    const picture = question.kind === 'paths' ? pictureOfPaths(data, question) : pictureOfTrace(data, question);
    showPicture(picture, question);
  } catch (error) {
    if (asked === page.asked) {
      clearPicture();
      showError(error);
      $('status').textContent = 'The API did not answer this question.';
    }
  } finally {
    if (asked === page.asked) {
      $('diagram-panel').removeAttribute('aria-busy');
    }
  }
}

function showPicture(picture, question) {
  page.picture = picture;
  page.drawing = drawingOf(picture);
  $('from-name').textContent = picture.origin?.name ?? page.state.from;
  if (picture.target) {
    $('to-search').value = picture.target.name;
  }
  const { svg, box } = buildSvg(page.drawing, { interactive: true });
  svg.id = 'diagram';
  svg.setAttribute('aria-label', `${heading()}. ${statusOf(picture)}`);
  svg.addEventListener('click', (event) => pick(event.target));
  svg.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick(event.target);
    }
  });
  $('diagram-panel').replaceChildren(svg);
  page.viewport = new Viewport(svg, box);
  renderTables($('table-panel'), picture, (id) => select({ flowIds: [id] }), (id) => select({ orgId: id }));
  $('status').textContent = statusOf(picture);
  const notices = [];
  if (picture.collapsed) {
    notices.push(`This answer has ${picture.reachedCount.toLocaleString('en')} organizations besides the origin, too many to draw one by one:`
      + ' the diagram shows one box per hop and kind (click a box for its list), and the Table lists every organization and flow.');
  }
  if (picture.undatedLeftOut > 0) {
    const n = picture.undatedLeftOut;
    // Undated evidence never counts as known: say so, or the missing flows would read as unknown then.
    notices.push(`${n.toLocaleString('en')} flow${n === 1 ? '' : 's'} left out: ${n === 1 ? 'its' : 'their'} evidence is undated,`
      + ' so it never counts as known.');
  }
  if (picture.truncated) {
    notices.push('The answer was cut by its limits (truncated): narrow the question, or raise limit and maxPaths under'
      + ' “More arguments”.');
  }
  if (notices.length) {
    $('notice').replaceChildren(...notices.map((text) => h('p', {}, text)));
    $('notice').hidden = false;
  }
  for (const id of ['export-png', 'export-svg', 'export-report']) {
    $(id).disabled = false;
  }
  const graphiql = $('open-graphiql');
  graphiql.href = `/graphiql?${new URLSearchParams({
    query: question.document, variables: JSON.stringify(question.variables, null, 2),
  })}`;
  graphiql.hidden = false;
  details.clear();
}

function clearPicture() {
  page.picture = null;
  page.drawing = null;
  page.viewport = null;
  $('diagram-panel').replaceChildren();
  $('table-panel').replaceChildren();
  for (const id of ['export-png', 'export-svg', 'export-report']) {
    $(id).disabled = true;
  }
  $('open-graphiql').hidden = true;
  details.clear();
}

function pick(target) {
  const edge = target.closest?.('.edge');
  const node = target.closest?.('.node');
  if (edge) {
    select({ flowIds: edge.dataset.flowIds.split(' '), element: edge });
  } else if (node) {
    const drawn = page.drawing.nodes.find((n) => n.id === node.dataset.nodeId);
    if (drawn.orgIds.length === 1 && !node.dataset.nodeId.startsWith('box:')) {
      select({ orgId: drawn.orgIds[0], element: node });
    } else {
      markSelected(node);
      details.showBox(drawn, page.picture);
    }
  }
}

function select({ flowIds, orgId, element }) {
  const svg = $('diagram');
  markSelected(element
    ?? (flowIds ? svg?.querySelector(`.edge[data-flow-ids~="${CSS.escape(flowIds[0])}"]`) : null)
    ?? (orgId ? svg?.querySelector(`.node[data-org-id="${CSS.escape(orgId)}"]`) : null));
  if (flowIds) {
    details.showFlows(flowIds, page.picture);
  } else {
    details.showOrganization(orgId, page.picture);
  }
}

function markSelected(element) {
  $('diagram')?.querySelectorAll('.selected').forEach((e) => e.classList.remove('selected'));
  element?.classList.add('selected');
}

function statusOf(picture) {
  const origin = picture.origin?.name ?? page.state.from;
  const flows = `${picture.flows.length.toLocaleString('en')} flow${picture.flows.length === 1 ? '' : 's'}`;
  const conflicts = picture.conflicts.size
    ? ` ${picture.conflicts.size} of them break${picture.conflicts.size === 1 ? 's' : ''} ${origin}’s published policy (orange).`
    : '';
  if (picture.kind === 'paths') {
    const target = picture.target?.name ?? page.state.to;
    return picture.paths.length === 0
      ? `No path from ${origin} to ${target} with these settings${whenOf(page.state)}.`
      : `${picture.paths.length} path${picture.paths.length === 1 ? '' : 's'} from ${origin} to ${target} through ${flows}`
        + `${whenOf(page.state)}.${conflicts}`;
  }
  if (picture.reachedCount === 0) {
    return `No organization is reached from ${origin} with these settings${whenOf(page.state)}.`;
  }
  const whose = picture.direction === 'UPSTREAM' ? `whose data reaches ${origin}` : `reached from ${origin}`;
  return `${picture.reachedCount.toLocaleString('en')} organization${picture.reachedCount === 1 ? '' : 's'} ${whose}`
    + ` through ${flows}${whenOf(page.state)}.${conflicts}`;
}

/** The three times an answer holds for, as words: “, active on 2023-07, as known on 2024-12”. */
function whenOf(s) {
  return `${s.activeOn ? `, active on ${s.activeOn}` : ''}${s.asKnownOn ? `, as known on ${s.asKnownOn}` : ''}`
    + `${s.recordedAsOf ? `, as recorded at ${s.recordedAsOf}` : ''}`;
}

function heading() {
  const s = page.state;
  const origin = page.picture?.origin?.name ?? s.from;
  if (page.picture?.kind === 'paths') {
    return `Paths from ${origin} to ${page.picture.target?.name ?? s.to}${whenOf(s)}`;
  }
  const upstream = s.direction === 'UPSTREAM';
  return `${upstream ? `Whose data reaches ${origin}` : `Where ${origin}’s data goes`}: ${s.mode ?? 'LINEAGE'} trace,`
    + ` up to ${s.maxHops ?? 4} hops${whenOf(s)}`
    + `${s.minConfidence ? `, at least ${s.minConfidence}` : ''}${s.purposes?.length ? `, purposes ${s.purposes.join(', ')}` : ''}`
    + `${s.toKinds?.length ? `, kinds ${s.toKinds.join(', ')}` : ''}`;
}

function fileName() {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const s = page.state;
  return `dataflow-atlas-${s.from}${s.to ? `-to-${s.to}` : ''}-${stamp}`.replace(/[^a-zA-Z0-9._-]/g, '-');
}

function showError(error) {
  const messages = error.messages ?? [error.message];
  $('error').replaceChildren(...messages.map((message) => h('p', {}, message)));
  $('error').hidden = false;
}

start();
