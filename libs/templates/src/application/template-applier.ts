import { TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import {
  ChargingStation,
  ChargingStationService,
  STATION_TEMPLATE_APPLIED,
  StationCommands,
  StationOfflineError,
  TemplateParameterOutcome,
} from '@csms/stations';
import { Injectable, Logger } from '@nestjs/common';
import { changeStatusOf, planChanges } from '../matching/configuration-diff';
import { bestTemplate, parametersFor } from '../matching/template-matcher';
import { TemplateParameter } from '../models/template-parameter-block.model';
import { StationTemplateService } from '../station-template.service';
import { technicalConfigurationOf } from './technical-configuration';

export interface TemplateApplication {
  templateId: string;
  parameters: TemplateParameterOutcome[];
  resetSent: boolean;
}

const REBOOT_REQUIRED = 'RebootRequired';
const FAILED = 'Failed';

/**
 * Applies the best matching template to one station: its hardware description first, then the
 * configuration keys that differ from what the station reports, then one soft reset if a key
 * needs it; what happened is recorded on the station and announced.
 */
@Injectable()
export class TemplateApplier {
  private readonly logger = new Logger(TemplateApplier.name);

  constructor(
    private readonly templates: StationTemplateService,
    private readonly stations: ChargingStationService,
    private readonly commands: StationCommands,
    private readonly events: EventBus,
  ) {}

  /** Undefined when no template matches the station. */
  async apply(tenantId: TenantId, station: ChargingStation): Promise<TemplateApplication | undefined> {
    const template = bestTemplate(await this.templates.all(), station);
    if (!template) return undefined;
    await this.stations.updateConfiguration(tenantId, station.id, technicalConfigurationOf(template));
    const { parameters, resetSent } = await this.configure(
      tenantId,
      station.id,
      parametersFor(template, station),
    );
    await this.stations.updateConfiguration(tenantId, station.id, {
      templateAppliedAt: new Date(),
      templateParameters: parameters,
      templateResetSent: resetSent,
    });
    await this.events.publish(
      domainEvent(STATION_TEMPLATE_APPLIED, tenantId, {
        chargingStationId: station.id,
        templateId: template.id,
      }),
    );
    return { templateId: template.id, parameters, resetSent };
  }

  private async configure(
    tenantId: TenantId,
    stationId: string,
    wanted: TemplateParameter[],
  ): Promise<Omit<TemplateApplication, 'templateId'>> {
    if (wanted.length === 0) return { parameters: [], resetSent: false };
    let report;
    try {
      report = await this.commands.getConfiguration(
        tenantId,
        stationId,
        wanted.map((parameter) => parameter.key),
      );
    } catch (error) {
      this.logger.warn({ err: error, stationId }, 'Template not applied: GetConfiguration failed');
      return { parameters: wanted.map((parameter) => ({ ...parameter, status: FAILED })), resetSent: false };
    }
    const parameters: TemplateParameterOutcome[] = [];
    let offline = false;
    for (const { action, ...parameter } of planChanges(wanted, report)) {
      if (action !== 'change' || offline) {
        const status =
          action === 'unchanged' ? 'Unchanged' : action === 'unsupported' ? 'NotSupported' : FAILED;
        parameters.push({ ...parameter, status });
        continue;
      }
      try {
        const answer = await this.commands.changeConfiguration(
          tenantId,
          stationId,
          parameter.key,
          parameter.value,
        );
        parameters.push({ ...parameter, status: changeStatusOf(answer.status) });
      } catch (error) {
        this.logger.warn({ err: error, stationId, key: parameter.key }, 'ChangeConfiguration failed');
        offline = error instanceof StationOfflineError;
        parameters.push({ ...parameter, status: FAILED });
      }
    }
    const resetSent =
      !offline &&
      parameters.some((parameter) => parameter.status === REBOOT_REQUIRED) &&
      (await this.softReset(tenantId, stationId));
    return { parameters, resetSent };
  }

  private async softReset(tenantId: TenantId, stationId: string): Promise<boolean> {
    try {
      await this.commands.reset(tenantId, stationId, 'Soft');
      return true;
    } catch (error) {
      this.logger.warn({ err: error, stationId }, 'Soft reset after the template failed');
      return false;
    }
  }
}
