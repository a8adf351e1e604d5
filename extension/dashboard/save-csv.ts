/** Saves a CSV the API produced, without leaving the page. */
export function saveCsv(name: string, text: string, doc: Document = document) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
