import type { DataSource, EntityManager } from "typeorm";
import { Loaders } from "./loaders";

/** What every resolver of one request shares: the database and that request's loaders. */
export interface Context {
  manager: EntityManager;
  loaders: Loaders;
}

/** A fresh context for one request; its loaders cache nothing beyond it. */
export function createContext(dataSource: DataSource): Context {
  return { manager: dataSource.manager, loaders: new Loaders(dataSource.manager) };
}
