import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A CSV row that was not imported' })
export class ImportRefusal {
  @Field(() => Int, { description: 'Line in the CSV text (the header is line 1)' })
  line: number;

  @Field()
  reason: string;
}

@ObjectType()
export class ImportReport {
  @Field(() => Int)
  created: number;

  @Field(() => [ImportRefusal])
  refused: ImportRefusal[];
}
