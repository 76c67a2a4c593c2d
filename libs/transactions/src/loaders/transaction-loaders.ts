import { AppAbility } from '@csms/auth';
import { TenantId } from '@csms/common';
import { User, UserService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ConsumptionRepository } from '../consumptions/consumption.repository';
import { Consumption } from '../models/consumption.model';

export interface TransactionLoaders {
  consumptions: DataLoader<string, Consumption[]>;
  users: DataLoader<string, User | null>;
}

/**
 * DataLoaders for the fields of a list of sessions, created once per GraphQL request (keyed on the
 * request object, which lives exactly as long) so rows share one query per field.
 */
@Injectable()
export class TransactionLoaderFactory {
  private readonly perRequest = new WeakMap<object, TransactionLoaders>();

  constructor(
    private readonly consumptions: ConsumptionRepository,
    private readonly users: UserService,
  ) {}

  forRequest(request: object, tenantId: TenantId, ability: AppAbility | undefined): TransactionLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = {
        consumptions: new DataLoader(async (ids) => {
          const curves = await this.consumptions.findForTransactions(tenantId, ids);
          return ids.map((id) => curves.get(id) ?? []);
        }),
        // One lookup per distinct user of the page (UserService has no batch read yet).
        users: new DataLoader((ids) =>
          Promise.all(ids.map((id) => this.users.findForDisplay(tenantId, ability, id))),
        ),
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
