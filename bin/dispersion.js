#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI through tsx's loader so `npx dispersion` works after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
