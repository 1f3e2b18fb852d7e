import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ApiRole } from "./api-role";

/** An API key. Only a hash of its secret is stored; the secret itself is shown once, at creation. */
@Entity("api_key")
export class ApiKey {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Who or what the key is for ("newsroom CMS"). */
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Column({ type: "varchar", length: 16 })
  role!: ApiRole;

  /** The first characters of the secret, enough to recognise a key in lists and logs. */
  @Column({ type: "varchar", length: 16 })
  prefix!: string;

  /** SHA-256 of the secret, hex; a secret of 256 random bits needs no slow hash. */
  @Column({ type: "varchar", length: 64 })
  keyHash!: string;

  @CreateDateColumn()
  createdAt!: Date;

  /** When the key was revoked; it authenticates nothing from then on. */
  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;
}
