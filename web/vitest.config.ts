import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.ts';

// Components render in jsdom; the browser itself is tested end to end in tests/src/e2e.
export default mergeConfig(shared, defineConfig({ test: { environment: 'jsdom' } }));
