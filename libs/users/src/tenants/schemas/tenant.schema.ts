import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export enum RegistrationPolicy {
  /** Unknown stations are created at their first BootNotification. */
  OPEN = 'OPEN',
  /** Only stations created beforehand (createChargingStation) may connect. */
  REGISTERED = 'REGISTERED',
}

/** Optional product components a tenant switches on. */
export const TENANT_COMPONENTS = [
  'pricing',
  'billing',
  'roaming',
  'smartCharging',
  'assets',
  'statistics',
] as const;
export type TenantComponent = (typeof TENANT_COMPONENTS)[number];

/** Tenants are the one collection not scoped by tenantId: their `_id` is the tenant id. */
@Schema({ collection: 'tenants', timestamps: true })
export class TenantDocument {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  name: string;

  @Prop({ default: true })
  active: boolean;

  @Prop({ type: String, enum: Object.values(RegistrationPolicy), required: true })
  registrationPolicy: RegistrationPolicy;

  /** Whether people may create their own (basic) account; off by default. */
  @Prop({ default: false })
  selfRegistration: boolean;

  @Prop({ type: [String], default: ['en'] })
  locales: string[];

  @Prop({ type: [String], default: [] })
  components: TenantComponent[];

  /** IANA time zone of statistics' days and hours where a site gives none. */
  @Prop()
  timeZone?: string;

  createdAt?: Date;
}

export const TenantSchema = SchemaFactory.createForClass(TenantDocument);
