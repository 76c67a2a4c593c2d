import { Connection, ConnectionArgs, NotFoundError } from '@csms/common';
import { newId } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { StationTemplateInput } from './dto/station-template.input';
import { StationTemplate } from './models/station-template.model';
import { templateFieldsOf } from './station-template.fields';
import { StationTemplateRepository } from './station-template.repository';
import { assertTemplateRules } from './station-template.rules';

@Injectable()
export class StationTemplateService {
  constructor(private readonly templates: StationTemplateRepository) {}

  page(args: ConnectionArgs): Promise<Connection<StationTemplate>> {
    return this.templates.page(args);
  }

  find(id: string): Promise<StationTemplate | null> {
    return this.templates.findById(id);
  }

  create(input: StationTemplateInput): Promise<StationTemplate> {
    const fields = templateFieldsOf(input);
    assertTemplateRules(fields);
    return this.templates.create(newId(), fields);
  }

  /** Replaces every field; a built-in template stays marked built-in (and is never re-seeded over). */
  async update(id: string, input: StationTemplateInput): Promise<StationTemplate> {
    const existing = await this.templates.findById(id);
    if (!existing) throw new NotFoundError('StationTemplate', id);
    const fields = templateFieldsOf(input, existing.builtIn);
    assertTemplateRules(fields);
    const updated = await this.templates.replace(id, fields);
    if (!updated) throw new NotFoundError('StationTemplate', id);
    return updated;
  }

  async delete(id: string): Promise<boolean> {
    if (!(await this.templates.delete(id))) throw new NotFoundError('StationTemplate', id);
    return true;
  }
}
