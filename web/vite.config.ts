import { defineConfig } from 'vite';

// `npm run dev --workspace @hub/web` proxies /graphql to a running gateway, like the production web server does.
export default defineConfig({
  server: { port: 3000, proxy: { '/graphql': process.env.HUB_GATEWAY_URL ?? 'http://127.0.0.1:4000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
