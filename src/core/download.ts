/**
 * `text` as part of a file name: letters (with their marks) and digits of every script, `.`, `_`
 * and `-` are kept ("Ærø Kommune" is `Ærø-Kommune`, not `r-Kommune`); every other run becomes a hyphen.
 */
export function fileNamePart(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-');
}

/**
 * One part of a download's name, by the rule every download name follows (see fileNamePart), in
 * lower case and composed form: "Ærø Kommune" is `ærø-kommune`. A part with nothing left (or only
 * dots) is `x`. At most 60 characters, never half a one.
 */
export function fileNameSegment(text: string): string {
  return (
    [...fileNamePart(text.toLowerCase().normalize('NFC')).replace(/^[-.]+|[-.]+$/g, '')]
      .slice(0, 60)
      .join('')
      .replace(/[-.]+$/, '') || 'x'
  );
}

/**
 * The name of a round's results as a file: `results-ærø-kommune-forår-2026.csv`. `<lc-results>`
 * downloads and the reference collector's CSV export are named alike.
 */
export function resultsFileName(community: string, round: string, extension: string): string {
  return `results-${fileNameSegment(community)}-${fileNameSegment(round)}.${extension}`;
}

/**
 * Offers text as a file to save: a hidden `download` link, added to `root` (the element's shadow
 * root: no page markup), clicked once and removed. The object URL is revoked a minute later, well
 * after the browser has started the download.
 */
export function downloadText(root: ParentNode, text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
