// The one source of truth for ssot.config.json: types, validation and the published JSON Schema.
import { z } from 'zod';

const modulePath = z
  .string()
  .min(1)
  .describe('A repo file (resolved like TypeScript resolves it, from the repo root) or a package specifier such as "react-dom/test-utils".');

const exportName = z.string().min(1).describe('An exported name; "default" for the default export.');

export const symbolRefSchema = z
  .object({ module: modulePath, export: exportName })
  .strict()
  .describe('One exported symbol of one module.');

export const legacyModuleSchema = z
  .object({
    module: modulePath,
    exports: z
      .record(z.string(), z.union([z.string().min(1), z.null()]))
      .optional()
      .describe('Renames: legacy export name -> canonical export name. null marks an export with no canonical counterpart (it stays and is reported). Unlisted exports keep their name.'),
    to: modulePath.optional().describe('Where this module\'s exports now live; defaults to the canonical module.'),
  })
  .strict()
  .describe('Module-wide shorthand: every export of this module now comes from the canonical module.');

export const moveSchema = z
  .object({ from: symbolRefSchema, to: symbolRefSchema })
  .strict()
  .describe('One exported symbol that moved.');

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    include: z.array(z.string().min(1)).min(1).default(['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}']).describe('Globs of the files in scope, relative to the repo root.'),
    exclude: z.array(z.string().min(1)).default([]).describe('Globs excluded from scope. node_modules and .gitignore\'d files are always excluded.'),
    tsconfig: z.string().optional().describe('The tsconfig that defines paths and baseUrl; defaults to tsconfig.json at the repo root when present.'),
    canonical: z
      .object({
        module: modulePath,
        exports: z.array(exportName).optional().describe('The canonical exports; read from the module itself when it is a repo file.'),
      })
      .strict(),
    legacy: z.array(legacyModuleSchema).default([]),
    moves: z.array(moveSchema).default([]),
  })
  .strict();

export type SsotConfig = z.infer<typeof configSchema>;

/** The published JSON Schema, generated from the zod schema so the two cannot drift. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input' }),
    $id: 'https://ssot-migrate.dev/ssot.config.schema.json',
    title: 'ssot-migrate configuration',
  };
}
