// The streams a command writes to; tests hand in their own. Only the CLI layer knows them.
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  /** NO_COLOR and FORCE_COLOR, read once by the bin. */
  env: Record<string, string | undefined>;
  /** Name and version from package.json, for reports that name their tool (SARIF). */
  tool: ToolInfo;
}

export interface ToolInfo {
  name: string;
  version: string;
  informationUri?: string;
  /** When this build of the tool was made: cached results of another build are not reused. */
  build?: string;
}

export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined) return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}
