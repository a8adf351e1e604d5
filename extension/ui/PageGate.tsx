/** What a workspace page (admin, dashboard) says where it shows nothing: who must sign in, or whom it is for. */
export const SIGNED_OUT = 'You are signed out. Sign in from the Curbside button in the toolbar, then reopen this page.';

/** The page's heading and one alert in place of its content. */
export function PageGate({ page, title, message }: { page: string; title: string; message: string }) {
  return (
    <main class={page}>
      <h1>{title}</h1>
      <p role="alert">{message}</p>
    </main>
  );
}
