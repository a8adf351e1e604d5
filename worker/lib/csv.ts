/**
 * CSV for spreadsheets: every cell quoted, and a leading = + - @ (or tab/CR) neutralised with an
 * apostrophe so a flag's text can never run as a formula when a lead opens the file.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return `${[header.map(csvCell), ...rows.map((r) => r.map(csvCell))].map((r) => r.join(',')).join('\r\n')}\r\n`;
}

export function csvResponse(name: string, body: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}
