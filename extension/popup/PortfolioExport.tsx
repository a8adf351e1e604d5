import { HOURS_GIVEN_RULE } from '../../shared/growth';
import { portfolioHtml, portfolioMarkdown } from '../../shared/portfolio';
import { usePopup } from './state';

function save(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * My portfolio, for appraisal, revalidation or professional-development evidence: questions and what I
 * learnt, flags that led to change, small tests, reflections, thanks. Made from my own record only.
 */
export function PortfolioExport() {
  const app = usePopup();
  async function download(kind: 'md' | 'html') {
    const p = await app.portfolio();
    if (!p) return;
    const date = p.generatedAt.slice(0, 10);
    if (kind === 'md') save(`curbside-portfolio-${date}.md`, 'text/markdown', portfolioMarkdown(p));
    else save(`curbside-portfolio-${date}.html`, 'text/html', portfolioHtml(p));
  }
  return (
    <details class="growth">
      <summary>My portfolio</summary>
      <p class="muted">
        Your record of growth, for appraisal or revalidation. Only you can make it; it never includes peer support.
      </p>
      {app.session.value?.user.roles.includes('mentor') && (
        <p class="muted">
          Mentoring given lists answers, how many helped, reads of your published answers, coaching, tips written and
          hours given: {HOURS_GIVEN_RULE}.
        </p>
      )}
      <div class="row">
        <button type="button" disabled={app.busy.value} onClick={() => void download('html')}>
          Printable page
        </button>
        <button type="button" disabled={app.busy.value} onClick={() => void download('md')}>
          Markdown
        </button>
      </div>
    </details>
  );
}
