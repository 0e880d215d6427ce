import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.js';

export default defineConfig({
  ...sourceConditions,
  plugins: [react()],
  test: { include: ['src/**/*.test.{ts,tsx}'] },
});
