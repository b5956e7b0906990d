// Pan (drag the background) and zoom (wheel, or the buttons) of the diagram, through its viewBox.

export class Viewport {
  constructor(svg, home) {
    this.svg = svg;
    this.home = { ...home };
    this.view = { ...home };
    this.apply();
    svg.addEventListener('wheel', (event) => {
      event.preventDefault();
      this.zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2, this.pointAt(event));
    }, { passive: false });
    svg.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || event.target.closest('.node, .edge')) {
        return;
      }
      const start = { x: event.clientX, y: event.clientY, view: { ...this.view } };
      const scale = this.view.width / svg.clientWidth;
      const move = (e) => {
        this.view.x = start.view.x - (e.clientX - start.x) * scale;
        this.view.y = start.view.y - (e.clientY - start.y) * scale;
        this.apply();
      };
      const stop = () => {
        svg.removeEventListener('pointermove', move);
        svg.removeEventListener('pointerup', stop);
        svg.classList.remove('panning');
      };
      svg.setPointerCapture(event.pointerId);
      svg.classList.add('panning');
      svg.addEventListener('pointermove', move);
      svg.addEventListener('pointerup', stop);
    });
  }

  /** Zooms by factor around a point of the drawing (its centre by default). */
  zoom(factor, at = { x: this.view.x + this.view.width / 2, y: this.view.y + this.view.height / 2 }) {
    const width = this.view.width / factor;
    const height = this.view.height / factor;
    this.view = {
      x: at.x - (at.x - this.view.x) / factor,
      y: at.y - (at.y - this.view.y) / factor,
      width,
      height,
    };
    this.apply();
  }

  fit() {
    this.view = { ...this.home };
    this.apply();
  }

  pointAt(event) {
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(this.svg.getScreenCTM().inverse());
    return { x: point.x, y: point.y };
  }

  apply() {
    const { x, y, width, height } = this.view;
    this.svg.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  }
}
