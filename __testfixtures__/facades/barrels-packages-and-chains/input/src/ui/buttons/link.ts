export default function Link(href: string): string {
  return `<a href="${href}">`;
}
