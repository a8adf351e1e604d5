import { configure } from '@testing-library/preact';

// Views and parts load lazily (import() on first render, as in the popup). When the extension tests
// share two cores with the workerd suite, a cold first load can pass the default 1 s of findBy*/waitFor.
configure({ asyncUtilTimeout: 3_000 });
