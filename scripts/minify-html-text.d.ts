export function minifyHtmlParts(parts: readonly string[]): string[];
