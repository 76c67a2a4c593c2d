export type ConfigValueType = 'number' | 'bool' | 'string' | 'list';

export interface ConfigKeyDefinition {
  key: string;
  value: string;
  type: ConfigValueType;
  readonly?: boolean;
  /** The station only applies a new value after a reboot. */
  rebootRequired?: boolean;
  /** For `list`: the values each item may take. */
  allowed?: readonly string[];
  min?: number;
}

export type ChangeResult = 'Accepted' | 'Rejected' | 'RebootRequired' | 'NotSupported';

export interface ConfigEntry {
  key: string;
  value: string;
  readonly: boolean;
}

/** A station's configuration: typed keys, read-only keys, keys that need a reboot, change listeners. */
export class ConfigStore {
  private readonly definitions = new Map<string, ConfigKeyDefinition>();
  private readonly values = new Map<string, string>();
  private readonly listeners: ((key: string, value: string) => void)[] = [];

  constructor(definitions: readonly ConfigKeyDefinition[]) {
    for (const definition of definitions) {
      this.definitions.set(definition.key, definition);
      this.values.set(definition.key, definition.value);
    }
  }

  has(key: string): boolean {
    return this.definitions.has(key);
  }

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  getNumber(key: string, fallback: number): number {
    const parsed = Number(this.values.get(key));
    return Number.isFinite(parsed) ? parsed : fallback;
  }

  getBoolean(key: string): boolean {
    return this.values.get(key)?.toLowerCase() === 'true';
  }

  getList(key: string): string[] {
    return (this.values.get(key) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  /** Entries for the given keys (all when none), and the keys that do not exist. */
  read(keys?: readonly string[]): { entries: ConfigEntry[]; unknown: string[] } {
    const wanted = keys?.length ? keys : [...this.definitions.keys()];
    const entries: ConfigEntry[] = [];
    const unknown: string[] = [];
    for (const key of wanted) {
      const definition = this.definitions.get(key);
      if (!definition) unknown.push(key);
      else entries.push({ key, value: this.values.get(key) ?? '', readonly: definition.readonly === true });
    }
    return { entries, unknown };
  }

  /** Changes a key as ChangeConfiguration / SetVariables would. */
  change(key: string, value: string): ChangeResult {
    const definition = this.definitions.get(key);
    if (!definition) return 'NotSupported';
    if (definition.readonly || !isValid(definition, value)) return 'Rejected';
    const normalized = definition.type === 'bool' ? value.toLowerCase() : value;
    this.values.set(key, normalized);
    for (const listener of this.listeners) listener(key, normalized);
    return definition.rebootRequired ? 'RebootRequired' : 'Accepted';
  }

  onChange(listener: (key: string, value: string) => void): void {
    this.listeners.push(listener);
  }
}

function isValid(definition: ConfigKeyDefinition, value: string): boolean {
  switch (definition.type) {
    case 'number': {
      if (!/^-?\d+(\.\d+)?$/.test(value.trim())) return false;
      return definition.min === undefined || Number(value) >= definition.min;
    }
    case 'bool':
      return /^(true|false)$/i.test(value);
    case 'list': {
      if (!definition.allowed) return true;
      const items = value.split(',').map((item) => item.trim());
      return items.every((item) => item === '' || definition.allowed?.includes(item));
    }
    case 'string':
      return value.length <= 500;
  }
}
