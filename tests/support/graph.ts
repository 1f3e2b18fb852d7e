import { ApolloServer } from "@apollo/server";
import type { DataSource, Logger } from "typeorm";
import { createContext, type Context } from "../../src/context.type";
import { formatError } from "../../src/format-error";
import { buildGraphSchema } from "../../src/schema";
import { openTestDataSource } from "./database";

/** Counts the SQL statements TypeORM sends, so tests can assert how many a query costs. */
export class StatementCounter implements Logger {
  statements: string[] = [];
  logQuery(query: string): void {
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** A graph on a private database (in-memory SQLite, or a PostgreSQL schema of its own) with the shipped data loaded, and a way to query it. */
export interface TestGraph {
  dataSource: DataSource;
  counter: StatementCounter;
  /** Runs an operation as a client would and returns its result; `errors` is undefined on success. */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T | null; errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }> }>;
  close(): Promise<void>;
}

/** Opens a fresh graph on a private database (see {@link openTestDataSource}) loaded with `data/`. */
export async function openTestGraph(): Promise<TestGraph> {
  const counter = new StatementCounter();
  const { dataSource, close } = await openTestDataSource({ logger: counter });
  const server = new ApolloServer<Context>({ schema: await buildGraphSchema(), formatError: formatError(false) });
  await server.start();
  return {
    dataSource,
    counter,
    async query(query, variables) {
      const response = await server.executeOperation({ query, variables }, { contextValue: createContext(dataSource) });
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return response.body.singleResult as never;
    },
    async close() {
      await server.stop();
      await close();
    },
  };
}
