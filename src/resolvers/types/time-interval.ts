import { registerEnumType } from "type-graphql";

/** The length of a timeline bucket. */
export enum TimeInterval {
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
}

registerEnumType(TimeInterval, {
  name: "TimeInterval",
  description: "The length of a timeline bucket, in UTC.",
  valuesConfig: {
    DAY: { description: "Calendar days, from midnight UTC." },
    WEEK: { description: "ISO weeks, from Monday midnight UTC." },
    MONTH: { description: "Calendar months, from the 1st at midnight UTC." },
  },
});
