// Left to right by hop: the origin in the first column, each organization in the column of its
// fewest hops. Within a column, boxes are ordered so that arrows cross little (the mean position
// of their neighbours in the columns already placed, swept a few times each way).

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 66;
const COLUMN_GAP = 210;
const ROW_GAP = 110;
const SWEEPS = 4;

export function layout(drawing) {
  const columns = [];
  for (const node of drawing.nodes) {
    (columns[node.hop] ??= []).push(node);
  }
  const filled = columns.filter(Boolean);
  filled.forEach((column) => column.sort((a, b) => (a.kind ?? '').localeCompare(b.kind ?? '')
    || a.label.localeCompare(b.label)));

  const neighbours = new Map(drawing.nodes.map((node) => [node.id, []]));
  for (const edge of drawing.edges) {
    neighbours.get(edge.from)?.push(edge.to);
    neighbours.get(edge.to)?.push(edge.from);
  }
  const rank = new Map();
  const rankColumn = (column) => column.forEach((node, i) => rank.set(node.id, i - (column.length - 1) / 2));
  filled.forEach(rankColumn);
  const order = (column, side) => {
    const score = (node) => {
      const placed = neighbours.get(node.id).filter((id) => side(id));
      return placed.length === 0 ? rank.get(node.id)
        : placed.reduce((sum, id) => sum + rank.get(id), 0) / placed.length;
    };
    const scores = new Map(column.map((node) => [node.id, score(node)]));
    column.sort((a, b) => scores.get(a.id) - scores.get(b.id));
    rankColumn(column);
  };
  const hopOf = new Map(drawing.nodes.map((node) => [node.id, node.hop]));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let i = 1; i < filled.length; i++) {
      order(filled[i], (id) => hopOf.get(id) < filled[i][0].hop);
    }
    for (let i = filled.length - 2; i >= 0; i--) {
      order(filled[i], (id) => hopOf.get(id) > filled[i][0].hop);
    }
  }

  const positions = new Map();
  filled.forEach((column, c) => {
    column.forEach((node, i) => {
      positions.set(node.id, {
        x: c * (NODE_WIDTH + COLUMN_GAP) + NODE_WIDTH / 2,
        y: (i - (column.length - 1) / 2) * (NODE_HEIGHT + ROW_GAP),
      });
    });
  });
  return positions;
}
