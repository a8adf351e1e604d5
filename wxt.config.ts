import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
});
