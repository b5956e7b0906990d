// A search box over `search`: organizations are picked directly; any other hit (a flow's quote, an
// event, a source, a statement…) offers the organizations it leads to.
import { graphql } from './api.js';
import { h } from './html.js';
import { SEARCH } from './queries.js';

const WAIT_MS = 250;

export function attachSearch(input, results, onPick) {
  let timer = null;
  let asked = 0;
  const run = async () => {
    const text = input.value.trim();
    asked += 1;
    const mine = asked;
    if (text.length < 2) {
      results.replaceChildren();
      return;
    }
    try {
      const { search } = await graphql(SEARCH, { text });
      if (mine === asked) {
        results.replaceChildren(render(search, (org) => {
          results.replaceChildren();
          input.value = org.name;
          onPick(org);
        }));
      }
    } catch (error) {
      if (mine === asked) {
        results.replaceChildren(h('div', { class: 'error', role: 'alert' }, error.messages?.join(' ') ?? error.message));
      }
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, WAIT_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      run();
    } else if (event.key === 'ArrowDown') {
      results.querySelector('button')?.focus();
      event.preventDefault();
    } else if (event.key === 'Escape') {
      results.replaceChildren();
    }
  });
}

function render(hits, pick) {
  if (hits.length === 0) {
    return h('p', { class: 'hint' }, 'Nothing found.');
  }
  return h('ul', { class: 'hits', 'aria-label': 'Search results' }, hits.map((hit) => {
    const entity = hit.entity;
    const orgs = leadsTo(entity);
    const button = (org, text) => h('button', { type: 'button', class: 'hit', 'data-org-id': org.id, onclick: () => pick(org) },
      text);
    if (entity.__typename === 'Organization') {
      return h('li', {}, button(entity, [h('strong', {}, entity.name), h('span', { class: 'muted' }, ` ${entity.kind ?? ''}`)]));
    }
    return h('li', {},
      h('div', { class: 'hit-text' }, h('span', { class: 'muted' }, `${describe(entity)} `), title(entity)),
      hit.quote ? h('div', { class: 'hit-quote' }, `“${hit.quote}”`) : null,
      orgs.length
        ? h('div', { class: 'hit-orgs' }, 'Trace from: ', orgs.map((org) => button(org, org.name)))
        : null);
  }));
}

function leadsTo(entity) {
  const orgs = [];
  const add = (org) => {
    if (org && org.id && !orgs.some((o) => o.id === org.id)) {
      orgs.push(org);
    }
  };
  switch (entity.__typename) {
    case 'DataFlow': add(entity.from); add(entity.to); break;
    case 'Event': entity.involves.filter((e) => e.__typename === 'Organization').forEach(add); break;
    case 'Source': case 'Policy': add(entity.publisher); break;
    case 'Statement': if (entity.by?.__typename === 'Organization') add(entity.by); break;
    case 'Agreement': entity.parties.forEach(add); break;
    default: break;
  }
  return orgs;
}

function describe(entity) {
  return { DataFlow: 'Flow', DataCategory: 'Data' }[entity.__typename] ?? entity.__typename;
}

function title(entity) {
  switch (entity.__typename) {
    case 'DataFlow': return `${entity.from.name} → ${entity.to.name} (${entity.purpose})`;
    case 'Statement': return entity.text.length > 120 ? `${entity.text.slice(0, 119)}…` : entity.text;
    case 'Event': return `${entity.title}${entity.date ? ` (${entity.date})` : ''}`;
    default: return entity.title ?? entity.name ?? entity.id;
  }
}
