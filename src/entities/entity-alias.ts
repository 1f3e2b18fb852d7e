import { Column, Entity, PrimaryColumn } from "typeorm";

/** Another name an entity goes by, with its folded form for lookup. */
@Entity("entity_alias")
export class EntityAlias {
  @PrimaryColumn({ type: "integer" })
  entityId!: number;

  /** The alias as written in copy; "U.S." and "US" are two aliases. */
  @PrimaryColumn({ type: "varchar", length: 300 })
  alias!: string;

  /** The alias folded by `nameKey`, for lookup. */
  @Column({ type: "varchar", length: 300 })
  aliasKey!: string;
}
