export default class Canvas {
  readonly strokes: string[] = [];

  stroke(path: string): void {
    this.strokes.push(path);
  }
}
