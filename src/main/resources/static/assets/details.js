// The side panel: what a click on a flow or an organization shows, fetched when asked for.
import { graphql } from './api.js';
import { h, safeUrl } from './html.js';
import { FLOW_DETAILS, ORGANIZATION_DETAILS } from './queries.js';
import { caption } from './model.js';

const APPROVAL_WORDS = {
  APPROVED: 'an agreement the platform is party to, covering the path, approves this purpose',
  NOT_APPROVED: 'the terms of the agreements on the path are known and do not approve this purpose',
  UNKNOWN: 'no agreement on the path says either way',
};

export class Details {
  constructor(panel, actions) {
    this.panel = panel;
    this.actions = actions; // { traceFrom(id), pathsTo(id), selectFlow(id) }
    this.asked = 0;
    this.clear();
  }

  clear() {
    this.panel.replaceChildren(h('p', { class: 'hint' },
      'Click an arrow to see the flow and its evidence, or a box to see the organization and its timeline.'));
  }

  async showFlows(flowIds, picture) {
    if (flowIds.length > 1) {
      const byId = new Map(picture.flows.map((flow) => [flow.id, flow]));
      const flows = flowIds.map((id) => byId.get(id)).filter(Boolean);
      const nameOf = (id) => picture.orgs.get(id)?.org.name ?? id;
      this.panel.replaceChildren(
        h('h2', {}, `${flows.length.toLocaleString('en')} flows`),
        h('ul', { class: 'plain' }, flows.slice(0, 500).map((flow) => h('li', {},
          h('button', { type: 'button', class: 'link', onclick: () => this.actions.selectFlow(flow.id) },
            `${flow.number}. ${nameOf(flow.from.id)} → ${nameOf(flow.to.id)}: ${flow.purpose}`
            + `${flow.since ? ` since ${flow.since}` : ''}`)))),
        flows.length > 500 ? h('p', {}, `…and ${flows.length - 500} more: see the table.`) : null);
      return;
    }
    const asked = this.loading();
    const shown = picture.flows.find((flow) => flow.id === flowIds[0]);
    try {
      const { flow } = await graphql(FLOW_DETAILS, { id: flowIds[0] });
      if (asked === this.asked) {
        this.panel.replaceChildren(...flowView(flow, shown, picture.conflicts.get(flow.id) ?? []));
      }
    } catch (error) {
      this.failed(asked, error);
    }
  }

  async showOrganization(id, picture) {
    const asked = this.loading();
    try {
      const times = timesOf(picture);
      const { organization, timeline } = await graphql(ORGANIZATION_DETAILS, { id, ...times });
      if (asked === this.asked) {
        this.panel.replaceChildren(...this.organizationView(organization, timeline, picture, times));
      }
    } catch (error) {
      this.failed(asked, error);
    }
  }

  /** A box standing for many organizations of one kind at one hop (a collapsed large answer). */
  showBox(node, picture) {
    const orgs = node.orgIds.map((id) => picture.orgs.get(id).org).sort((a, b) => a.name.localeCompare(b.name));
    this.panel.replaceChildren(
      h('h2', {}, node.label),
      h('p', {}, `At hop ${node.hop}. Choose one to see it, or use the table for all of them.`),
      h('ul', { class: 'plain' }, orgs.slice(0, 300).map((org) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => this.showOrganization(org.id, picture) },
          org.name)))),
      orgs.length > 300 ? h('p', {}, `…and ${(orgs.length - 300).toLocaleString('en')} more in the table.`) : null);
  }

  organizationView(org, timeline, picture, times = {}) {
    if (!org) {
      return [h('p', { class: 'error' }, 'No organization has this id any more.')];
    }
    const originId = picture?.origin?.id;
    return [
      h('h2', {}, org.name),
      h('p', { class: 'caption' }, caption(org)),
      definitions([
        ['Id', org.id],
        ['Kind', org.kind],
        ['Jurisdiction', org.jurisdiction ?? (org.jurisdictions.length ? org.jurisdictions.join(', ') : null)],
        ['Country', org.country],
        ['Also known as', org.aliases.join(', ') || null],
        ['Group of', org.group ? (org.estimatedSize ?? 'an unknown number of members') : null],
        ['About', org.description],
      ]),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => this.actions.traceFrom(org.id) },
          'Trace from here'),
        originId && originId !== org.id
          ? h('button', { type: 'button', onclick: () => this.actions.pathsTo(org.id) },
            `Paths from ${picture.orgs.get(originId)?.org.name ?? originId} to here`)
          : null),
      org.policies.length ? h('h3', {}, 'Published policies') : null,
      org.policies.length ? h('ul', {}, org.policies.map((policy) => h('li', {},
        h('strong', {}, policy.title),
        policy.prohibitedPurposes.length ? ` prohibits ${policy.prohibitedPurposes.join(', ')}` : '',
        policy.exception ? ` unless ${policy.exception}` : '',
        policy.effective ? ` (effective ${policy.effective})` : ''))) : null,
      h('h3', {}, `Timeline${times.asKnownOn ? `, as known on ${times.asKnownOn}` : ''}`
        + `${times.recordedAsOf ? `, as recorded at ${times.recordedAsOf}` : ''}`),
      timeline.length
        ? h('ol', { class: 'timeline' }, timeline.map((entry) => h('li', {},
          h('span', { class: 'when' }, entry.date ?? 'undated'), ' ',
          h('span', { class: 'what' }, entry.kind.replaceAll('_', ' ').toLowerCase()), ' ',
          entry.title)))
        : h('p', {}, 'Nothing dated is recorded around it.'),
    ];
  }

  loading() {
    this.asked += 1;
    this.panel.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
    return this.asked;
  }

  failed(asked, error) {
    if (asked === this.asked) {
      this.panel.replaceChildren(h('div', { class: 'error', role: 'alert' },
        (error.messages ?? [error.message]).map((m) => h('p', {}, m))));
    }
  }
}

function flowView(flow, shown, conflicts) {
  if (!flow) {
    return [h('p', { class: 'error' }, 'No flow has this id any more.')];
  }
  const firstEvidence = flow.evidence.map((e) => e.source.published).filter(Boolean).sort()[0];
  return [
    h('h2', {}, `${shown ? `Flow ${shown.number}: ` : ''}${flow.from.name} → ${flow.to.name}`),
    ...conflicts.map((conflict) => h('div', { class: 'conflict-box', role: 'note' },
      h('p', {}, h('strong', {}, '⚠ Conflicts with '), `“${conflict.policy.title}”`,
        conflict.policy.prohibitedPurposes.length
          ? `, which prohibits ${conflict.policy.prohibitedPurposes.join(', ')}` : '',
        conflict.policy.exception ? ` unless ${conflict.policy.exception}` : '', '.'),
      h('p', {}, h('strong', {}, `Approval: ${conflict.approval}`), ` — ${APPROVAL_WORDS[conflict.approval] ?? ''}.`),
      conflict.agreements.length
        ? h('p', {}, 'Agreements considered: ', conflict.agreements.map((a) => a.title).join('; '), '.')
        : null)),
    definitions([
      ['Purpose', flow.purpose],
      ['Product', flow.via ? flow.via.name : null],
      ['Access', `${flow.accessMethod}${flow.realTime ? ', in real time' : ''}`],
      ['Since', flow.since ?? `not stated: counts from its first dated evidence${firstEvidence ? ` (${firstEvidence})` : ''}`],
      ['Until', flow.until ?? 'still active as far as the evidence shows'],
      ['Confidence', flow.confidence],
      ['Description', flow.description],
      ['Id', flow.id],
    ]),
    h('h3', {}, 'Categories'),
    h('ul', {}, flow.categories.map((category) => h('li', {},
      h('strong', {}, category.name),
      category.derivedFrom.length
        ? ` — derived from ${category.derivedFrom.map((parent) => parent.name
          + (parent.derivedFrom.length ? ` (itself from ${parent.derivedFrom.map((p) => p.name).join(', ')})` : ''))
          .join(', ')}`
        : '',
      category.description ? h('div', { class: 'muted' }, category.description) : null))),
    h('h3', {}, 'Agreement'),
    flow.agreements.length
      ? h('ul', {}, flow.agreements.map((agreement) => h('li', {},
        h('strong', {}, agreement.title),
        agreement.parties.length ? ` between ${agreement.parties.map((p) => p.name).join(' and ')}` : '',
        agreement.signed ? `, signed ${agreement.signed}` : '',
        agreement.expires ? `, expires ${agreement.expires}` : '',
        `. Approved purposes: ${agreement.approvedPurposes ? agreement.approvedPurposes.join(', ') || 'none' : 'unknown'}.`)))
      : h('p', {}, 'None recorded.'),
    h('h3', {}, `Evidence (${flow.evidence.length})`),
    h('ol', { class: 'evidence' }, flow.evidence.map((item) => h('li', {},
      item.quote ? h('blockquote', {}, item.quote) : h('p', { class: 'muted' }, 'No quote recorded.'),
      h('p', { class: 'source' },
        safeUrl(item.source.url)
          ? h('a', { href: safeUrl(item.source.url), target: '_blank', rel: 'noopener noreferrer' }, item.source.title)
          : h('span', {}, item.source.title),
        ` · ${item.source.kind}`,
        item.source.published ? ` · ${item.source.published}` : '',
        item.source.publisher ? ` · ${item.source.publisher.name}` : '',
        safeUrl(item.source.url) ? null : h('span', { class: 'muted' }, ' · no address recorded')),
    ))),
  ];
}

/** The known and recorded time of the answer shown, for what is fetched beside it. */
function timesOf(picture) {
  const times = {};
  for (const name of ['asKnownOn', 'recordedAsOf']) {
    const value = picture?.question?.variables?.[name];
    if (value) {
      times[name] = value;
    }
  }
  return times;
}

function definitions(rows) {
  return h('dl', {}, rows.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}
