#!/usr/bin/env node
// Writes the published JSON Schema from the zod schema (`npm run schema`); a test fails when
// the committed file and the schema drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../dist/src/config/schema.js';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'ssot.config.schema.json');
fs.writeFileSync(target, JSON.stringify(configJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
