import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InboundDataTransfer } from './ports/station-inbound.port';

export interface DataTransferAnswer {
  status: string;
  data?: string;
}

export type DataTransferHandler = (
  tenantId: TenantId,
  stationId: string,
  request: InboundDataTransfer,
) => Promise<DataTransferAnswer>;

/** Modules that understand a vendor's DataTransfer messages register here; others get UnknownVendorId. */
@Injectable()
export class DataTransferHandlers {
  private readonly handlers = new Map<string, DataTransferHandler>();

  register(vendorId: string, handler: DataTransferHandler): () => void {
    this.handlers.set(vendorId, handler);
    return () => this.handlers.delete(vendorId);
  }

  async handle(
    tenantId: TenantId,
    stationId: string,
    request: InboundDataTransfer,
  ): Promise<DataTransferAnswer> {
    const handler = this.handlers.get(request.vendorId);
    return handler ? handler(tenantId, stationId, request) : { status: 'UnknownVendorId' };
  }
}
