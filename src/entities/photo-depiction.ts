import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Person } from "./person";

/** A person shown in a photo, in caption order. */
@Entity("photo_depiction")
export class PhotoDepiction {
  @PrimaryColumn({ type: "integer" })
  photoId!: number;

  @PrimaryColumn({ type: "integer" })
  personId!: number;

  @ManyToOne(() => Person, { createForeignKeyConstraints: false })
  @JoinColumn({ name: "personId" })
  person!: Person;

  @Column({ type: "integer" })
  position!: number;
}
