import { Injectable } from '@nestjs/common';
import { ExportKind } from './export-kind';

/** The export kinds modules provide, by name. */
@Injectable()
export class ExportRegistry {
  private readonly kinds = new Map<string, ExportKind>();

  register<TFilter>(kind: ExportKind<TFilter>): void {
    if (this.kinds.has(kind.name)) throw new Error(`Export kind "${kind.name}" is registered twice`);
    this.kinds.set(kind.name, kind);
  }

  get(name: string): ExportKind | undefined {
    return this.kinds.get(name);
  }
}
