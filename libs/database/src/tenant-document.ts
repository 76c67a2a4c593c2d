import { Prop } from '@nestjs/mongoose';
import { newId } from './new-id';

/** Every stored document belongs to one tenant and has a string id. */
export abstract class TenantDocument {
  @Prop({ type: String, default: newId })
  _id: string;

  @Prop({ type: String, required: true, index: true })
  tenantId: string;
}
