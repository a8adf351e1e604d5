import { configure } from '@testing-library/preact';

// findBy*/waitFor wait up to 1 s by default; a loaded 2-core CI machine can take longer to render a lazy view.
// This is how long a test waits for the page, not a timing goal (those live in `npm run bench`).
configure({ asyncUtilTimeout: 10_000 });
