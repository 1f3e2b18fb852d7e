import type { EntityRef } from "../model";
import { TYPE_LABEL } from "../model";

/** An entity as a button: choosing it adds it to the dashboard's picks. */
export function EntityChip({ entity, onPick }: { entity: EntityRef; onPick: (entity: EntityRef) => void }) {
  return (
    <button type="button" className={`chip chip-${entity.__typename.toLowerCase()}`} onClick={() => onPick(entity)} title={`Add ${TYPE_LABEL[entity.__typename]} ${entity.name} to the dashboard`}>
      {entity.name}
    </button>
  );
}
