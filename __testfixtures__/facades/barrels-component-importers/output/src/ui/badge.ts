export const Badge = (props: { text: string }): string => `<span>${props.text}</span>`;
