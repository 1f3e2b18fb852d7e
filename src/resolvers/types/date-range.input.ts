import { GraphQLDate } from "graphql-scalars";
import { Field, InputType } from "type-graphql";
import { periodOfDays, type Period } from "../../services/dashboard/period";

/** A range of whole UTC days, both ends included. */
@InputType({ description: 'A range of whole days in UTC, both ends included: `{ from: "2020-01-01", to: "2020-01-31" }` is all of January 2020.' })
export class DateRangeInput {
  @Field(() => GraphQLDate, { description: "The first day of the range." })
  from!: Date;

  @Field(() => GraphQLDate, { description: "The last day of the range, included; not before `from`." })
  to!: Date;

  /** The range as a period; `to` before `from` is a BAD_USER_INPUT error naming `argument`. */
  toPeriod(argument: string): Required<Period> {
    return periodOfDays(this.from, this.to, argument);
  }
}
