import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { InvoiceLineModel } from '../../invoices/models/invoice.model';

@ObjectType('UpcomingInvoice', {
  description:
    'A driver’s monthly invoice as it stands (periodic billing): the sessions not invoiced yet, invoiced once the month of the tenant’s time zone ends',
})
export class UpcomingInvoiceModel {
  @Field({ description: 'The current month, e.g. 2026-11, in the tenant’s time zone' })
  period: string;

  @Field(() => Date, { description: 'Local midnight on the 1st' })
  periodStart: Date;

  @Field(() => Date, { description: 'When the month ends and its invoice is made' })
  periodEnd: Date;

  @Field()
  timeZone: string;

  @Field()
  currency: string;

  @Field(() => Float, { description: 'Excluding tax' })
  subtotal: number;

  @Field(() => Float)
  tax: number;

  @Field(() => Float, { description: 'Including tax' })
  amount: number;

  @Field(() => [ID])
  transactionIds: string[];

  @Field(() => [InvoiceLineModel])
  lines: InvoiceLineModel[];
}
