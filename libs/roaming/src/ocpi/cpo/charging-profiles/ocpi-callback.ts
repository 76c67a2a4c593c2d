import { Injectable, OnModuleInit } from '@nestjs/common';
import { OcpiRenderers } from '../../outbox/ocpi-push';

/** An asynchronous result already in OCPI form (2.2.1-only modules), POSTed to the URL the partner gave. */
export const OCPI_CALLBACK = 'ocpi.callback';

export interface OcpiCallbackPayload {
  responseUrl: string;
  body: Record<string, unknown>;
}

@Injectable()
export class OcpiCallbackRenderer implements OnModuleInit {
  constructor(private readonly renderers: OcpiRenderers) {}

  onModuleInit(): void {
    this.renderers.register<OcpiCallbackPayload>(OCPI_CALLBACK, null, (_context, payload) => ({
      method: 'POST',
      module: 'chargingprofiles',
      interfaceRole: 'SENDER',
      url: payload.responseUrl,
      body: payload.body,
    }));
  }
}
