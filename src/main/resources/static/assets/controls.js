// The controls of `trace` (and of `paths`), one per GraphQL argument, built from the schema's own
// enum values and descriptions; every change is reported as the new state.
import { h } from './html.js';

export class Controls {
  constructor(form, setup, onChange) {
    this.form = form;
    this.onChange = onChange;
    this.months = monthsOf(setup.flowDates);
    const values = (type) => setup.__schema.types.find((t) => t.name === type)?.enumValues ?? [];
    fillSelect(form.elements.direction, values('Direction'));
    fillSelect(form.elements.mode, values('TraceMode'));
    fillSelect(form.elements.minConfidence, values('Confidence'), 'any');
    fillChecks(form.querySelector('#purposes'), 'purposes', values('Purpose'));
    fillChecks(form.querySelector('#toKinds'), 'toKinds', values('OrgKind'));

    this.slider = form.querySelector('#activeOn-slider');
    this.dated = form.querySelector('#activeOn-enabled');
    this.dateLabel = form.querySelector('#activeOn-label');
    if (this.months.length > 0) {
      this.slider.min = 0;
      this.slider.max = this.months.length - 1;
      form.querySelector('#activeOn-span').textContent =
        `${this.months[0]} to ${this.months.at(-1)}: the span of the graph's dated flows, from a year before the first.`;
    } else {
      this.dated.disabled = true;
      form.querySelector('#activeOn-span').textContent = 'No flow in the graph is dated yet.';
    }
    this.slider.addEventListener('input', () => {
      this.dated.checked = true;
      this.dateLabel.textContent = this.months[this.slider.value];
    });
    form.addEventListener('change', (event) => {
      if (event.target.name !== 'to-search' && event.target.name !== 'from-search') {
        this.onChange(this.read());
      }
    });
    form.addEventListener('submit', (event) => event.preventDefault());
  }

  /** Shows a state in the controls. */
  show(state) {
    const f = this.form.elements;
    f.direction.value = state.direction ?? 'DOWNSTREAM';
    f.mode.value = state.mode ?? 'LINEAGE';
    f.maxHops.value = state.maxHops ?? '';
    f.minConfidence.value = state.minConfidence ?? '';
    f.limit.value = state.limit ?? '';
    f.maxPaths.value = state.maxPaths ?? '';
    f.k.value = state.k ?? '';
    f.categories.value = (state.categories ?? []).join(', ');
    for (const name of ['purposes', 'toKinds']) {
      this.form.querySelectorAll(`input[name="${name}"]`).forEach((box) => {
        box.checked = (state[name] ?? []).includes(box.value);
      });
    }
    this.activeOn = state.activeOn;
    this.dated.checked = Boolean(state.activeOn);
    if (state.activeOn) {
      const at = this.months.indexOf(monthOf(state.activeOn));
      this.slider.value = at >= 0 ? at : (monthOf(state.activeOn) < this.months[0] ? 0 : this.months.length - 1);
      this.dateLabel.textContent = state.activeOn;
    } else {
      this.slider.value = this.months.length - 1;
      this.dateLabel.textContent = 'any date';
    }
    f.asKnownOn.value = state.asKnownOn ?? '';
    this.recordedAsOf = state.recordedAsOf;
    this.recordedShown = state.recordedAsOf ? localOf(state.recordedAsOf) : '';
    f.recordedAsOf.value = this.recordedShown;
    const paths = Boolean(state.to);
    this.form.querySelectorAll('[data-trace-only]').forEach((control) => { control.disabled = paths; });
    this.form.querySelectorAll('[data-paths-only]').forEach((control) => { control.disabled = !paths; });
  }

  /** The state the controls show (from and to are kept by the page). */
  read() {
    const f = this.form.elements;
    const checked = (name) => [...this.form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
    let activeOn;
    if (this.dated.checked) {
      const month = this.months[this.slider.value];
      // A date written in the link (a year, a day) stays as written until the slider moves.
      activeOn = this.activeOn && monthOf(this.activeOn) === month ? this.activeOn : month;
    }
    // The instant in the link (to the nanosecond, in any offset) stays as written until the control changes;
    // a moment picked in local time goes as the UTC instant it is.
    const recorded = f.recordedAsOf.value;
    const recordedAsOf = recorded === this.recordedShown ? this.recordedAsOf : instantOf(recorded);
    return {
      direction: f.direction.value,
      mode: f.mode.value,
      maxHops: f.maxHops.value.trim() || undefined,
      minConfidence: f.minConfidence.value || undefined,
      activeOn,
      asKnownOn: f.asKnownOn.value.trim() || undefined,
      recordedAsOf,
      purposes: checked('purposes'),
      toKinds: checked('toKinds'),
      categories: f.categories.value.split(',').map((c) => c.trim()).filter(Boolean),
      limit: f.limit.value.trim() || undefined,
      maxPaths: f.maxPaths.value.trim() || undefined,
      k: f.k.value.trim() || undefined,
    };
  }
}

/** An instant as a datetime-local value, in this browser's time zone; empty when it is not an instant. */
function localOf(instant) {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const two = (n) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
    + `T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** A datetime-local value (local time) as an ISO instant in UTC, e.g. 2024-06-01T08:30:00Z. */
function instantOf(local) {
  const date = local ? new Date(local) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return undefined;
  }
  return date.toISOString().replace('.000Z', 'Z');
}

function monthOf(date) {
  return date.length === 4 ? `${date}-01` : date.slice(0, 7);
}

/** Months from January of the year before the first dated flow to the last (to this month while a flow is ongoing). */
export function monthsOf(span) {
  if (!span?.earliest || !span?.latest) {
    return [];
  }
  const start = { year: Number(span.earliest.slice(0, 4)) - 1, month: 1 };
  const latest = span.latest.length === 4 ? `${span.latest}-12` : span.latest.slice(0, 7);
  const now = new Date();
  const current = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const end = span.ongoing && current > latest ? current : latest;
  const months = [];
  for (let { year, month } = start; ; month += 1) {
    if (month > 12) {
      year += 1;
      month = 1;
    }
    const text = `${year}-${String(month).padStart(2, '0')}`;
    months.push(text);
    if (text >= end || months.length > 1200) {
      return months;
    }
  }
}

function fillSelect(select, values, emptyLabel) {
  const options = values.map((value) => h('option', { value: value.name, title: value.description }, value.name));
  select.replaceChildren(...(emptyLabel ? [h('option', { value: '' }, emptyLabel)] : []), ...options);
}

function fillChecks(container, name, values) {
  container.append(...values.map((value) => h('label', { class: 'check', title: value.description },
    h('input', { type: 'checkbox', name, value: value.name, 'data-trace-only': true }),
    ` ${value.name.replaceAll('_', ' ').toLowerCase()}`)));
}
