// What the colours, shapes and lines of the diagram mean.
import { CONFIDENCE_STYLES, KINDS } from './diagram.js';
import { h } from './html.js';

const SVG = 'http://www.w3.org/2000/svg';

export function renderLegend(container) {
  const kinds = Object.entries(KINDS).map(([, kind]) => h('li', {}, swatch(kind), ` ${kind.name}`));
  const lines = Object.entries(CONFIDENCE_STYLES).map(([, style]) => h('li', {}, line(style.dash, '#5f6b76'), ` ${style.words}`));
  container.replaceChildren(
    h('ul', { class: 'kinds' }, kinds,
      h('li', {}, stack(), ' a group standing for unnamed members')),
    h('ul', { class: 'lines' }, lines,
      h('li', {}, line(null, '#D35400', 3.5), ' orange: breaks the origin’s published policy (the policy is named)')));
}

function svgOf(width, ...children) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', 14);
  svg.setAttribute('aria-hidden', 'true');
  svg.append(...children);
  return svg;
}

function shape(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

function swatch(kind) {
  const dashed = kind.shape === 'dashed' ? { 'stroke-dasharray': '3 2', stroke: '#fff' } : {};
  return svgOf(22, shape('rect', { x: 1, y: 1, width: 20, height: 12, rx: kind.shape === 'pill' ? 6 : 3, fill: kind.colour, ...dashed }));
}

function stack() {
  return svgOf(26,
    shape('rect', { x: 6, y: 0, width: 18, height: 10, rx: 2, fill: '#5D6D7E', opacity: 0.45 }),
    shape('rect', { x: 3, y: 2, width: 18, height: 10, rx: 2, fill: '#5D6D7E', opacity: 0.7 }),
    shape('rect', { x: 0, y: 4, width: 18, height: 10, rx: 2, fill: '#5D6D7E' }));
}

function line(dash, colour, width = 2) {
  return svgOf(40, shape('line', {
    x1: 1, y1: 7, x2: 39, y2: 7, stroke: colour, 'stroke-width': width, ...(dash ? { 'stroke-dasharray': dash } : {}),
  }));
}
