// Turns an answer of `trace` or `paths` into what the page shows: organizations with their hop
// (the column they are drawn in), the distinct flows, numbered, and the policy conflicts among them.
// Large answers are collapsed into one box per hop and kind.

/** Past this many organizations the diagram draws one box per hop and kind (the table still lists all). */
export const MOST_DRAWN = 150;

/** Past this many flows between the same two organizations they are drawn as one arrow. */
const MOST_PARALLEL = 3;

export const CONFIDENCE_ORDER = ['CONFIRMED', 'REPORTED', 'ALLEGED', 'DISPUTED'];

/** The picture of a trace answer (data of TRACE). */
export function pictureOfTrace(data, question) {
  const trace = data.trace;
  const orgs = new Map();
  const place = (org, hop) => {
    const known = orgs.get(org.id);
    if (!known) {
      orgs.set(org.id, { org, hop, reached: false });
    } else if (hop < known.hop) {
      known.hop = hop;
    }
  };
  place(trace.origin, 0);
  for (const reach of trace.reached) {
    place(reach.organization, reach.hops);
    orgs.get(reach.organization.id).reached = true;
  }
  trace.paths.forEach((path) => path.organizations.forEach((org, i) => place(org, i)));
  return finish({
    kind: 'trace',
    question,
    origin: trace.origin,
    direction: trace.direction,
    mode: trace.mode,
    truncated: trace.truncated,
    undatedLeftOut: trace.undatedLeftOut ?? 0,
    reachedCount: trace.reached.length,
    orgs,
    paths: trace.paths,
  }, data.policyConflicts ?? []);
}

/** The picture of a paths answer (data of PATHS). */
export function pictureOfPaths(data, question) {
  const orgs = new Map();
  if (data.origin) {
    orgs.set(data.origin.id, { org: data.origin, hop: 0, reached: false });
  }
  for (const path of data.paths) {
    path.organizations.forEach((org, i) => {
      const known = orgs.get(org.id);
      if (!known) {
        orgs.set(org.id, { org, hop: i, reached: i > 0 });
      } else {
        known.hop = Math.min(known.hop, i);
      }
    });
  }
  return finish({
    kind: 'paths',
    question,
    origin: data.origin,
    target: data.target,
    direction: 'DOWNSTREAM',
    truncated: false,
    undatedLeftOut: 0,
    reachedCount: orgs.size - 1,
    orgs,
    paths: data.paths,
  }, data.policyConflicts ?? []);
}

function finish(picture, policyConflicts) {
  const flows = new Map();
  for (const path of picture.paths) {
    for (const flow of path.flows) {
      flows.set(flow.id, flow);
    }
  }
  const hopOf = (id) => picture.orgs.get(id)?.hop ?? 0;
  const nameOf = (id) => picture.orgs.get(id)?.org.name ?? id;
  picture.flows = [...flows.values()].sort((a, b) =>
    Math.min(hopOf(a.from.id), hopOf(a.to.id)) - Math.min(hopOf(b.from.id), hopOf(b.to.id))
    || nameOf(a.from.id).localeCompare(nameOf(b.from.id))
    || nameOf(a.to.id).localeCompare(nameOf(b.to.id))
    || a.id.localeCompare(b.id));
  picture.flows.forEach((flow, i) => { flow.number = i + 1; });
  picture.conflicts = new Map();
  for (const conflict of policyConflicts) {
    if (flows.has(conflict.flow.id)) {
      const list = picture.conflicts.get(conflict.flow.id) ?? [];
      list.push(conflict);
      picture.conflicts.set(conflict.flow.id, list);
    }
  }
  picture.collapsed = picture.orgs.size > MOST_DRAWN;
  return picture;
}

/** What the diagram draws: boxes and arrows, either one per organization or one per hop and kind. */
export function drawingOf(picture) {
  return picture.collapsed ? collapsedDrawing(picture) : fullDrawing(picture);
}

function fullDrawing(picture) {
  const nodes = [...picture.orgs.values()].map(({ org, hop }) => ({
    id: org.id,
    hop,
    kind: org.kind,
    label: org.name,
    caption: caption(org),
    group: org.group,
    origin: org.id === picture.origin?.id,
    orgIds: [org.id],
  }));
  return { nodes, edges: edgesBetween(picture, (id) => id) };
}

function collapsedDrawing(picture) {
  const boxes = new Map();
  const boxOf = (id) => {
    const { org, hop } = picture.orgs.get(id);
    return org.id === picture.origin?.id ? `org:${org.id}` : `box:${hop}:${org.kind ?? 'UNKNOWN'}`;
  };
  for (const { org, hop } of picture.orgs.values()) {
    const id = boxOf(org.id);
    const box = boxes.get(id) ?? {
      id, hop, kind: org.kind, group: false, origin: org.id === picture.origin?.id, orgIds: [],
    };
    box.orgIds.push(org.id);
    boxes.set(id, box);
  }
  const nodes = [...boxes.values()].map((box) => {
    if (box.origin) {
      const org = picture.orgs.get(box.orgIds[0]).org;
      return { ...box, label: org.name, caption: caption(org) };
    }
    const count = box.orgIds.length;
    return {
      ...box,
      group: count > 1,
      label: `${count.toLocaleString('en')} ${kindWord(box.kind, count)}`,
      caption: `hop ${box.hop} · click for the list`,
    };
  });
  return { nodes, edges: edgesBetween(picture, boxOf, true) };
}

/** Arrows between drawn boxes; up to MOST_PARALLEL flows between the same two each get their own. */
function edgesBetween(picture, boxOf, alwaysMerge = false) {
  const pairs = new Map();
  for (const flow of picture.flows) {
    const from = boxOf(flow.from.id);
    const to = boxOf(flow.to.id);
    const key = `${from}\u0000${to}`;
    const pair = pairs.get(key) ?? { from, to, flows: [] };
    pair.flows.push(flow);
    pairs.set(key, pair);
  }
  const edges = [];
  for (const pair of pairs.values()) {
    const groups = !alwaysMerge && pair.flows.length <= MOST_PARALLEL
      ? pair.flows.map((flow) => [flow])
      : [pair.flows];
    groups.forEach((flows, i) => {
      const conflicts = flows.flatMap((flow) => picture.conflicts.get(flow.id) ?? []);
      edges.push({
        id: flows.length === 1 ? `flow:${flows[0].id}` : `flows:${pair.from}:${pair.to}`,
        from: pair.from,
        to: pair.to,
        flows,
        lane: i,
        lanes: groups.length,
        confidence: strongest(flows.map((flow) => flow.confidence)),
        conflicts,
        label: flows.length === 1 ? flowLabel(flows[0]) : `${flows.length.toLocaleString('en')} flows`
          + (new Set(flows.map((f) => f.purpose)).size === 1 ? ` · ${flows[0].purpose}` : ''),
        number: flows.length === 1 ? flows[0].number : null,
      });
    });
  }
  return edges;
}

export function flowLabel(flow) {
  return flow.via ? `${flow.purpose} · ${flow.via.name}` : flow.purpose;
}

function strongest(confidences) {
  return CONFIDENCE_ORDER.find((c) => confidences.includes(c)) ?? confidences[0];
}

export function caption(org) {
  if (org.group) {
    return `group${org.estimatedSize ? ` · ${org.estimatedSize}` : ''}`;
  }
  return [org.kind, org.jurisdiction].filter(Boolean).join(' · ') || 'kind not recorded';
}

function kindWord(kind, count) {
  const word = { PLATFORM: 'platform', VENDOR: 'vendor', AGENCY: 'agency', ADVOCACY: 'advocacy group',
    PUBLISHER: 'publisher', COURT: 'court', COMPANY: 'company' }[kind] ?? 'organization';
  if (count === 1) {
    return word;
  }
  return word.endsWith('y') && !word.endsWith('ay') ? `${word.slice(0, -1)}ies` : `${word}s`;
}
