// The diagram as SVG: the same drawing is the screen, the SVG and PNG exports and the report's
// picture. Organizations are boxes coloured and shaped by kind (groups drawn as a stack), flows are
// arrows labelled with their number, purpose and product, their line style saying how sure we are;
// a flow that breaks the origin's published policy is drawn in orange and names the policy.
import { NODE_HEIGHT, NODE_WIDTH, layout } from './layout.js';

const SVG = 'http://www.w3.org/2000/svg';

export const KINDS = {
  PLATFORM: { colour: '#1D75C4', shape: 'rounded', name: 'Platform' },
  VENDOR: { colour: '#8E44AD', shape: 'hexagon', name: 'Vendor' },
  AGENCY: { colour: '#B03A2E', shape: 'octagon', name: 'Agency' },
  ADVOCACY: { colour: '#1E8449', shape: 'pill', name: 'Advocacy group' },
  PUBLISHER: { colour: '#34495E', shape: 'document', name: 'Publisher' },
  COURT: { colour: '#616A6B', shape: 'trapezoid', name: 'Court' },
  COMPANY: { colour: '#117A65', shape: 'square', name: 'Company' },
  UNKNOWN: { colour: '#5D6D7E', shape: 'dashed', name: 'Kind not recorded' },
};

export const CONFIDENCE_STYLES = {
  CONFIRMED: { dash: null, words: 'solid: confirmed by a primary document' },
  REPORTED: { dash: '9 5', words: 'dashed: credibly reported' },
  ALLEGED: { dash: '2 5', words: 'dotted: alleged' },
  DISPUTED: { dash: '12 4 2 4', words: 'dash-dot: disputed' },
};

const CONFLICT = '#D35400';
const MOST_LABELLED = 80;

// Inside the SVG itself, so an exported file looks as it does on screen.
const STYLE = `
  .node text { font: 600 12.5px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #fff; }
  .node text.caption { font-weight: 400; font-size: 11px; fill: #fff; opacity: .9; }
  .node text.tag { font-size: 11px; font-weight: 700; fill: #1b1f24; letter-spacing: .06em; }
  .node .shape { stroke: #fff; stroke-width: 1.5; }
  .node.origin .shape.front { stroke: #111; stroke-width: 3; }
  .edge .line { fill: none; stroke: #5f6b76; stroke-width: 2; }
  .edge .hit { fill: none; stroke: transparent; stroke-width: 16; }
  .edge.conflict .line { stroke: ${CONFLICT}; stroke-width: 3.5; }
  .edge text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #1b1f24;
               paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
  .edge.conflict text { fill: ${CONFLICT}; font-weight: 600; }
  .edge.quiet text { display: none; }
  .heading { font: 600 15px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #1b1f24; }
  .interactive .node, .interactive .edge { cursor: pointer; }
  .interactive .node:focus, .interactive .edge:focus { outline: none; }
  .interactive .node:focus-visible .shape.front, .interactive .node.selected .shape.front { stroke: #FFC300; stroke-width: 4; }
  .interactive .edge:focus-visible .line, .interactive .edge.selected .line { stroke-width: 5; }
  .interactive .edge:hover .line { stroke-width: 4; }
`;

/** Builds the SVG of a drawing; interactive ones carry focusable, labelled boxes and arrows. */
export function buildSvg(drawing, { interactive = false, heading = null } = {}) {
  const positions = layout(drawing);
  const svg = element('svg', { role: 'img', class: interactive ? 'interactive' : '' });
  svg.append(element('style', {}, STYLE), markers());
  const edgeLayer = element('g', { class: 'edges' });
  const nodeLayer = element('g', { class: 'nodes' });
  const pairs = new Set(drawing.edges.map((e) => `${e.from}\u0000${e.to}`));
  const quiet = drawing.edges.length > MOST_LABELLED;
  for (const edge of drawing.edges) {
    edgeLayer.append(drawEdge(edge, positions, pairs.has(`${edge.to}\u0000${edge.from}`), quiet, interactive));
  }
  for (const node of drawing.nodes) {
    nodeLayer.append(drawNode(node, positions.get(node.id), interactive));
  }
  svg.append(edgeLayer, nodeLayer);
  const box = bounds(positions);
  if (heading) {
    svg.append(element('text', { class: 'heading', x: box.x, y: box.y - 18 }, heading));
    box.y -= 40;
    box.height += 40;
  }
  svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  return { svg, box };
}

/** A standalone SVG document of a drawing (for the SVG and PNG exports and the report). */
export function svgDocument(drawing, heading) {
  const { svg, box } = buildSvg(drawing, { heading });
  svg.setAttribute('width', Math.ceil(box.width));
  svg.setAttribute('height', Math.ceil(box.height));
  svg.insertBefore(element('rect', {
    x: box.x, y: box.y, width: box.width, height: box.height, fill: '#fff',
  }), svg.querySelector('.edges'));
  return { text: new XMLSerializer().serializeToString(svg), width: box.width, height: box.height };
}

function bounds(positions) {
  const margin = 40;
  const xs = [...positions.values()].map((p) => p.x);
  const ys = [...positions.values()].map((p) => p.y);
  const x = Math.min(...xs) - NODE_WIDTH / 2 - margin;
  const y = Math.min(...ys) - NODE_HEIGHT / 2 - margin - 14;
  const width = Math.max(...xs) - Math.min(...xs) + NODE_WIDTH + 2 * margin + 30;
  const height = Math.max(...ys) - Math.min(...ys) + NODE_HEIGHT + 2 * margin + 14;
  return { x, y, width, height };
}

function markers() {
  const defs = element('defs', {});
  for (const [id, colour] of [['arrow', '#5f6b76'], ['arrow-conflict', CONFLICT]]) {
    const marker = element('marker', {
      id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 12, markerHeight: 12, orient: 'auto-start-reverse',
      markerUnits: 'userSpaceOnUse',
    });
    marker.append(element('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }));
    defs.append(marker);
  }
  return defs;
}

function drawNode(node, at, interactive) {
  const kind = KINDS[node.kind] ?? KINDS.UNKNOWN;
  const g = element('g', {
    class: `node kind-${node.kind ?? 'UNKNOWN'}${node.origin ? ' origin' : ''}${node.group ? ' group' : ''}`,
    transform: `translate(${at.x},${at.y})`,
    'data-node-id': node.id,
  });
  if (node.orgIds.length === 1) {
    g.setAttribute('data-org-id', node.orgIds[0]);
  }
  if (node.group) {
    for (const offset of [10, 5]) {
      const back = shape(kind);
      back.setAttribute('transform', `translate(${offset},${-offset})`);
      back.setAttribute('opacity', offset === 10 ? 0.45 : 0.7);
      g.append(back);
    }
  }
  const front = shape(kind);
  front.classList.add('front');
  g.append(front);
  const lines = wrap(node.label, 23, 3);
  const top = [-4, -11, -18][lines.length - 1];
  lines.forEach((line, i) => g.append(element('text', { x: 0, y: top + i * 15, 'text-anchor': 'middle' }, line)));
  g.append(element('text', {
    class: 'caption', x: 0, y: top + lines.length * 15 + 1, 'text-anchor': 'middle',
  }, truncate(node.caption, 30)));
  if (node.origin) {
    g.append(element('text', { class: 'tag', x: -NODE_WIDTH / 2, y: -NODE_HEIGHT / 2 - 6 }, 'ORIGIN'));
  }
  const description = `${node.label}, ${node.caption}${node.origin ? ', origin of the question' : ''}`;
  g.append(element('title', {}, description));
  if (interactive) {
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', description);
  }
  return g;
}

function shape(kind) {
  const w = NODE_WIDTH / 2;
  const h = NODE_HEIGHT / 2;
  const attrs = { class: 'shape', fill: kind.colour };
  switch (kind.shape) {
    case 'rounded': return element('rect', { ...attrs, x: -w, y: -h, width: 2 * w, height: 2 * h, rx: 14 });
    case 'pill': return element('rect', { ...attrs, x: -w, y: -h, width: 2 * w, height: 2 * h, rx: h });
    case 'square': return element('rect', { ...attrs, x: -w, y: -h, width: 2 * w, height: 2 * h, rx: 2 });
    case 'hexagon': return polygon(attrs, [[-w + 16, -h], [w - 16, -h], [w, 0], [w - 16, h], [-w + 16, h], [-w, 0]]);
    case 'octagon': {
      const c = 11;
      return polygon(attrs, [[-w + c, -h], [w - c, -h], [w, -h + c], [w, h - c], [w - c, h], [-w + c, h],
        [-w, h - c], [-w, -h + c]]);
    }
    case 'trapezoid': return polygon(attrs, [[-w + 12, -h], [w - 12, -h], [w, h], [-w, h]]);
    case 'document':
      return element('path', { ...attrs, d: `M${-w},${-h} H${w - 16} L${w},${-h + 16} V${h} H${-w} Z` });
    default:
      return element('rect', {
        ...attrs, x: -w, y: -h, width: 2 * w, height: 2 * h, rx: 4, 'stroke-dasharray': '6 4',
      });
  }
}

function polygon(attrs, points) {
  return element('polygon', { ...attrs, points: points.map((p) => p.join(',')).join(' ') });
}

function drawEdge(edge, positions, reversed, quiet, interactive) {
  const s = positions.get(edge.from);
  const t = positions.get(edge.to);
  const lane = (edge.lane - (edge.lanes - 1) / 2) * 18 + (reversed ? (edge.from < edge.to ? -12 : 12) : 0);
  const w = NODE_WIDTH / 2;
  let p0;
  let p3;
  let c1;
  let c2;
  if (edge.from === edge.to) {
    // Flows among the organizations of one box (a collapsed answer): a loop over its top.
    const top = s.y - NODE_HEIGHT / 2;
    p0 = [s.x + w / 3, top];
    p3 = [s.x + w * 0.85, top - 2];
    c1 = [p0[0] - 10, top - 70];
    c2 = [p3[0] + 50, top - 60];
  } else if (t.x > s.x || t.x < s.x) {
    const dir = t.x > s.x ? 1 : -1;
    p0 = [s.x + dir * w, s.y + lane];
    p3 = [t.x - dir * (w + 2), t.y + lane];
    const dx = (p3[0] - p0[0]) / 2;
    c1 = [p0[0] + dx, p0[1]];
    c2 = [p3[0] - dx, p3[1]];
  } else {
    const bulge = 70 + Math.abs(t.y - s.y) / 6;
    p0 = [s.x + w, s.y + lane];
    p3 = [t.x + w + 2, t.y + lane];
    c1 = [p0[0] + bulge, p0[1]];
    c2 = [p3[0] + bulge, p3[1]];
  }
  const d = `M${p0} C${c1} ${c2} ${p3}`;
  const conflict = edge.conflicts.length > 0;
  const g = element('g', {
    class: `edge confidence-${edge.confidence}${conflict ? ' conflict' : ''}${quiet ? ' quiet' : ''}`,
    'data-edge-id': edge.id,
    'data-flow-ids': edge.flows.map((flow) => flow.id).join(' '),
  });
  const dash = CONFIDENCE_STYLES[edge.confidence]?.dash;
  g.append(
    element('path', { class: 'hit', d }),
    element('path', {
      class: 'line',
      d,
      'marker-end': `url(#${conflict ? 'arrow-conflict' : 'arrow'})`,
      ...(dash ? { 'stroke-dasharray': dash } : {}),
      ...(edge.confidence === 'ALLEGED' ? { 'stroke-linecap': 'round' } : {}),
    }));
  const mid = pointOn([p0, c1, c2, p3], 0.5);
  // Purpose and product on two lines, then the policy it breaks. The block sits beside the arrow's
  // middle, on the sender's side and away from the bend (above a rising arrow, below a falling one),
  // so arrows fanning out of one box keep their labels apart; a level arrow has it centred above.
  const lines = (edge.number ? `${edge.number}. ${edge.label}` : edge.label).split(' · ');
  const policies = [...new Set(edge.conflicts.map((c) => c.policy.title))];
  const notes = conflict ? wrap(`⚠ conflicts with ${policies.join('; ')}`, 28, 3) : [];
  const count = lines.length + notes.length;
  const rise = p3[1] - p0[1];
  const beside = Math.abs(rise) > 1 && t.x !== s.x;
  const toward = t.x > s.x ? 1 : -1;
  const x = beside ? mid[0] - toward * 6 : mid[0];
  const y = beside && rise > 0 ? mid[1] + 16 : mid[1] - 7 - 14 * (count - 1);
  const label = element('text', { x, y, 'text-anchor': beside ? (toward === 1 ? 'end' : 'start') : 'middle' });
  [...lines, ...notes].forEach((line, i) => {
    label.append(element('tspan', {
      x, dy: i === 0 ? 0 : 14, class: i >= lines.length ? 'conflict-label' : null,
    }, line));
  });
  g.append(label);
  const description = `${edge.number ? `Flow ${edge.number}: ` : ''}${edge.label}, ${edge.confidence}`
    + (conflict ? `; conflicts with ${policies.join('; ')}` : '');
  g.append(element('title', {}, description));
  if (interactive) {
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', description);
  }
  return g;
}

/** A point of a cubic Bézier curve. */
function pointOn([p0, p1, p2, p3], t) {
  const u = 1 - t;
  return [0, 1].map((i) => u * u * u * p0[i] + 3 * u * u * t * p1[i] + 3 * u * t * t * p2[i] + t * t * t * p3[i]);
}

/** Lines of at most `width` characters, broken at spaces or after hyphens; the last one cut short if need be. */
function wrap(text, width, most) {
  const words = text.split(/(?<=-)|\s+/);
  const lines = [];
  let line = '';
  for (const word of words) {
    const joined = line === '' ? word : line.endsWith('-') ? `${line}${word}` : `${line} ${word}`;
    if (line && joined.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = joined;
    }
  }
  lines.push(line);
  if (lines.length > most) {
    const rest = lines.slice(most - 1).join(' ');
    return [...lines.slice(0, most - 1), truncate(rest, width)];
  }
  return lines.map((l) => truncate(l, width + 2));
}

function truncate(text, most) {
  return text.length <= most ? text : `${text.slice(0, most - 1)}…`;
}

function element(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== '' && value !== null && value !== undefined) {
      node.setAttribute(key, value);
    }
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
