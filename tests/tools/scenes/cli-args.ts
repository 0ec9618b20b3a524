/** The few flags the scene tools share: `--scenes <dir>`, `--only a,b`, and tool-specific ones. */
export interface ToolArgs {
  scenes?: string;
  only?: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

export function parseToolArgs(
  argv: string[],
  valueNames: string[],
  flagNames: string[] = [],
): ToolArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!.replace(/^--/, '');
    if (flagNames.includes(name)) flags.add(name);
    else if (valueNames.includes(name) || name === 'scenes' || name === 'only') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      values.set(name, value);
    } else throw new Error(`Unknown option ${argv[i]}`);
  }
  const only = values.get('only')?.split(',').filter(Boolean);
  return { scenes: values.get('scenes'), only, values, flags };
}
