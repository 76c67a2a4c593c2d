import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts between tests only by itself when test globals are on; they are off here.
afterEach(cleanup);
// jsdom has no layout: navigation scrolls nowhere.
window.scrollTo = () => undefined;
