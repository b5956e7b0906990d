// The explorer's state is its URL: one query parameter per GraphQL argument, of the same name
// (/explore?from=x&direction=DOWNSTREAM&mode=LINEAGE&maxHops=4&activeOn=2023-07). Lists are
// comma-separated (purposes=LAW_ENFORCEMENT,COMMERCIAL; repeating the parameter works too). The three
// times combine: activeOn (what was running), asKnownOn (what the public could know then) and
// recordedAsOf (what this database held at an instant), so a link can reproduce a published answer.
// With `to`, the view is the `paths` between `from` and `to`; `view=table` shows the table.

export const TRACE_ARGUMENTS = ['from', 'direction', 'mode', 'maxHops', 'activeOn', 'asKnownOn', 'recordedAsOf',
  'purposes', 'minConfidence', 'categories', 'toKinds', 'limit', 'maxPaths'];
export const PATHS_ARGUMENTS = ['from', 'to', 'maxHops', 'k', 'activeOn', 'asKnownOn', 'recordedAsOf'];
const LISTS = new Set(['purposes', 'toKinds', 'categories']);
const NUMBERS = new Set(['maxHops', 'limit', 'maxPaths', 'k']);
const ORDER = ['from', 'to', 'direction', 'mode', 'maxHops', 'minConfidence', 'activeOn', 'asKnownOn', 'recordedAsOf',
  'purposes', 'toKinds', 'categories', 'limit', 'maxPaths', 'k', 'view'];

/** The state a query string describes; absent parameters are absent keys. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const name of ORDER) {
    const values = params.getAll(name).flatMap((v) => (LISTS.has(name) ? v.split(',') : [v]))
      .map((v) => v.trim()).filter((v) => v !== '');
    if (values.length > 0) {
      state[name] = LISTS.has(name) ? values : values[0];
    }
  }
  return state;
}

/** The query string of a state, parameters in a stable order, defaults for the main controls written out. */
export function writeState(state) {
  const params = new URLSearchParams();
  for (const name of ORDER) {
    const value = state[name];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
      continue;
    }
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  // Commas and colons stay readable in a link someone pastes into a draft.
  return params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
}

/** GraphQL variables for the arguments of one operation; a number that is not one goes as written, for the API to refuse. */
export function variablesFor(state, names) {
  const variables = {};
  for (const name of names) {
    const value = state[name];
    // An empty list would ask for nothing (no purpose at all): a list left empty is no filter.
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      continue;
    }
    variables[name] = NUMBERS.has(name) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return variables;
}
