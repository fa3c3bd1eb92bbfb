/**
 * `text` as part of a file name: letters (with their marks) and digits of every script, `.`, `_`
 * and `-` are kept ("Ærø Kommune" is `Ærø-Kommune`, not `r-Kommune`); every other run becomes a hyphen.
 */
export function fileNamePart(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-');
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
