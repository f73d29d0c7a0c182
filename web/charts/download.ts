// Save a data URL or a text as a file through a temporary link (browser only).
export function downloadUrl(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a title: characters that file systems refuse become "_". */
export function safeFilename(title: string, ext: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among what file systems refuse
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 80) || 'chart';
  return `${base}.${ext}`;
}
