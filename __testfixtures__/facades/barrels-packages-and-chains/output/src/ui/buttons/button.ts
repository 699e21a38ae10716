export class Button {
  constructor(readonly label: string) {}
}
