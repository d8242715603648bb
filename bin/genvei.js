#!/usr/bin/env node
// The genvei command. The sources are TypeScript, run through tsx's loader: no build step.
import { register } from 'tsx/esm/api';

// Packages every command's modules import, loaded before tsx's loader is registered: its hooks
// see every module loaded after it, about 1 ms each off-thread, and kysely alone is 279 modules.
// Loaded here, by Node's own loader, they are already in the module cache when the TypeScript
// imports them (the same files: both resolve the package's `import` export). Half a second off
// every command's start (1.3 s to 0.8 s for `genvei --help`).
await Promise.all(
  ['kysely', 'pg', 'zod', 'commander', 'fastify-type-provider-zod', '@electric-sql/pglite'].map(
    (name) => import(name),
  ),
);
register();
await import('../src/cli/main.ts');
