export function renderIcon(name: string): string {
  return `icon:${name}`;
}
/** @deprecated renamed renderIcon */
export const useRenderIcon = renderIcon;
