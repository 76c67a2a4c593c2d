import { Connection, ConnectionArgs, NotFoundError, ReadThroughCache } from '@csms/common';
import { newId } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { StationTemplateInput } from './dto/station-template.input';
import { StationTemplate } from './models/station-template.model';
import { templateFieldsOf } from './station-template.fields';
import { StationTemplateRepository } from './station-template.repository';
import { assertTemplateRules } from './station-template.rules';

/**
 * How long a boot trusts the template list it read: thousands of stations booting at once would
 * otherwise each read every template. Edits through this instance apply at once.
 */
export const TEMPLATE_LIST_TTL_MS = 10_000;
const ALL = 'all';

@Injectable()
export class StationTemplateService {
  private readonly list = new ReadThroughCache<StationTemplate[]>(TEMPLATE_LIST_TTL_MS);

  constructor(private readonly templates: StationTemplateRepository) {}

  /** Every template, for matching a booting station. */
  all(): Promise<StationTemplate[]> {
    return this.list.get(ALL, () => this.templates.findAll());
  }

  page(args: ConnectionArgs): Promise<Connection<StationTemplate>> {
    return this.templates.page(args);
  }

  find(id: string): Promise<StationTemplate | null> {
    return this.templates.findById(id);
  }

  async create(input: StationTemplateInput): Promise<StationTemplate> {
    const fields = templateFieldsOf(input);
    assertTemplateRules(fields);
    const created = await this.templates.create(newId(), fields);
    this.list.forget(ALL);
    return created;
  }

  /** Replaces every field; a built-in template stays marked built-in (and is never re-seeded over). */
  async update(id: string, input: StationTemplateInput): Promise<StationTemplate> {
    const existing = await this.templates.findById(id);
    if (!existing) throw new NotFoundError('StationTemplate', id);
    const fields = templateFieldsOf(input, existing.builtIn);
    assertTemplateRules(fields);
    const updated = await this.templates.replace(id, fields);
    this.list.forget(ALL);
    if (!updated) throw new NotFoundError('StationTemplate', id);
    return updated;
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.templates.delete(id);
    this.list.forget(ALL);
    if (!deleted) throw new NotFoundError('StationTemplate', id);
    return true;
  }
}
