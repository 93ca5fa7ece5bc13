/** Text placed into HTML that a chart library renders with innerHTML (ECharts tooltips): names come
 *  from users and imports, so `<`, `&` and quotes are escaped, and lines are joined with <br/>. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

/** Lines of plain text as one tooltip's HTML. */
export function tooltipHtml(lines: readonly string[]): string {
  return lines.map(escapeHtml).join('<br/>');
}
