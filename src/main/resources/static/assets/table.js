// The same answer as tables: every flow (numbered as in the diagram) and every organization, with
// headers a screen reader announces and cells that paste into a spreadsheet as they are.
import { h } from './html.js';

export function renderTables(container, picture, onSelectFlow, onSelectOrganization) {
  const nameOf = (id) => picture.orgs.get(id)?.org.name ?? id;
  const flows = h('table', { class: 'data', id: 'flow-table' },
    h('caption', {}, `${picture.flows.length.toLocaleString('en')} flows`),
    h('thead', {}, h('tr', {}, ['#', 'From', 'To', 'Purpose', 'Product', 'Categories', 'Access', 'Since', 'Until',
      'Confidence', 'Policy conflict', 'Evidence'].map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, picture.flows.map((flow) => {
      const conflicts = picture.conflicts.get(flow.id) ?? [];
      return h('tr', { 'data-flow-id': flow.id, class: conflicts.length ? 'conflict' : null },
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => onSelectFlow(flow.id) },
          String(flow.number))),
        h('td', {}, nameOf(flow.from.id)),
        h('td', {}, nameOf(flow.to.id)),
        h('td', {}, flow.purpose),
        h('td', {}, flow.via?.name ?? ''),
        h('td', {}, flow.categories.map((c) => c.name).join('; ')),
        h('td', {}, `${flow.accessMethod}${flow.realTime ? ' (real time)' : ''}`),
        h('td', {}, flow.since ?? ''),
        h('td', {}, flow.until ?? ''),
        h('td', {}, flow.confidence),
        h('td', {}, conflicts.map((c) => `${c.policy.title} (approval ${c.approval})`).join('; ')),
        h('td', {}, flow.evidence.map((e) => e.source.title).join('; ')));
    })));
  const orgs = [...picture.orgs.values()].sort((a, b) => a.hop - b.hop || a.org.name.localeCompare(b.org.name));
  const organizations = h('table', { class: 'data', id: 'organization-table' },
    h('caption', {}, `${orgs.length.toLocaleString('en')} organizations`),
    h('thead', {}, h('tr', {}, ['Organization', 'Id', 'Kind', 'Jurisdiction', 'Hops', 'Group size']
      .map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, orgs.map(({ org, hop }) => h('tr', { 'data-org-id': org.id },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => onSelectOrganization(org.id) },
        org.name)),
      h('td', {}, org.id),
      h('td', {}, org.kind ?? ''),
      h('td', {}, org.jurisdiction ?? (org.jurisdictions ?? []).join(', ')),
      h('td', {}, String(hop)),
      h('td', {}, org.group ? (org.estimatedSize ?? 'unknown') : '')))));
  container.replaceChildren(flows, organizations);
}
