// Resolves --repo and --config into a loaded config; the one place commands get them from.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { SsotError } from '../errors.js';

export interface RepoOptions {
  repo?: string;
  config?: string;
}

export interface RepoContext extends LoadedConfig {
  repoRoot: string;
}

export function openRepo(options: RepoOptions, cwd: string): RepoContext {
  const repoRoot = path.resolve(cwd, options.repo ?? '.');
  if (!fs.existsSync(repoRoot) || !fs.statSync(repoRoot).isDirectory()) {
    throw new SsotError('REPO_NOT_FOUND', `${repoRoot}: not a directory (from --repo)`);
  }
  const loaded = loadConfig(repoRoot, options.config ? path.resolve(cwd, options.config) : undefined);
  return { repoRoot, ...loaded };
}

/** Errors about config content found while preparing phases get the config file's name. */
export function namingConfigFile<T>(context: RepoContext, work: () => T): T {
  const rename = (error: unknown): never => {
    if (error instanceof SsotError && !error.file && (error.code === 'CONFIG_INVALID' || error.code === 'MODULE_NOT_FOUND' || error.code === 'TRANSFORM_UNLOADABLE')) {
      throw new SsotError(error.code, `${context.file}: ${error.message}`, { file: context.file });
    }
    throw error;
  };
  try {
    const result = work();
    // A run on worker threads reports its errors when it settles.
    return (result instanceof Promise ? result.catch(rename) : result) as T;
  } catch (error) {
    return rename(error);
  }
}
