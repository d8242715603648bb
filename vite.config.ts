import { defineConfig } from 'vite';

// The web app lives in web/; `npm run dev:web` proxies the API to a running `npm start`.
export default defineConfig({
  root: 'web',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // TanStack's "use client" directives mean nothing without server components.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
