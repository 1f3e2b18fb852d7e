import { useEffect, useId, useState } from "react";
import { TYPE_LABEL, type EntityRef } from "../model";
import { TYPEAHEAD } from "../queries";
import { useQuery } from "../use-query";
import { ErrorNote } from "./status";

type Connection = { edges: Array<{ node: EntityRef }> };
type TypeaheadData = Record<"topics" | "people" | "places" | "organizations", Connection>;

/**
 * Picks topics, people, places and organizations by type-ahead from the graph (names and aliases
 * starting with what is typed), as an ARIA combobox: arrows move, Enter picks, Escape closes.
 * Picks show as chips; each chip's × removes it and its name button centres the network on it.
 */
export function EntityPicker({ picked, centre, onAdd, onRemove, onCentre }: {
  picked: EntityRef[];
  centre: EntityRef | null;
  onAdd: (entity: EntityRef) => void;
  onRemove: (entity: EntityRef) => void;
  onCentre: (entity: EntityRef) => void;
}) {
  const [text, setText] = useState("");
  const [prefix, setPrefix] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();

  // Ask the graph once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setPrefix(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, error } = useQuery<TypeaheadData>(prefix.length >= 2 ? TYPEAHEAD : null, { prefix });
  const options = data && prefix.length >= 2
    ? [...data.topics.edges, ...data.people.edges, ...data.places.edges, ...data.organizations.edges].map((edge) => edge.node).filter((node) => !picked.some((p) => p.id === node.id))
    : [];
  const expanded = open && options.length > 0;

  const choose = (entity: EntityRef) => {
    onAdd(entity);
    setText("");
    setPrefix("");
    setOpen(false);
    setActive(0);
  };

  return (
    <div className="picker">
      <label htmlFor={`${listId}-input`}>Follow a topic, person, place or organization</label>
      <div className="picker-box">
        <input
          id={`${listId}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          placeholder="Type at least two letters, e.g. Syr"
          aria-expanded={expanded}
          aria-controls={`${listId}-list`}
          aria-autocomplete="list"
          aria-activedescendant={expanded ? `${listId}-option-${active}` : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" && options.length) {
              event.preventDefault();
              setOpen(true);
              setActive((index) => (index + 1) % options.length);
            } else if (event.key === "ArrowUp" && options.length) {
              event.preventDefault();
              setActive((index) => (index - 1 + options.length) % options.length);
            } else if (event.key === "Enter" && expanded) {
              event.preventDefault();
              choose(options[Math.min(active, options.length - 1)]);
            } else if (event.key === "Escape") {
              setOpen(false);
            }
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <ul id={`${listId}-list`} role="listbox" className="picker-options" hidden={!expanded} aria-label="Matching entities">
          {options.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "active" : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              <span className="option-name">{option.name}</span> <span className="option-type">{TYPE_LABEL[option.__typename]}</span>
            </li>
          ))}
        </ul>
      </div>
      <ErrorNote error={error} />
      <ul className="picked" aria-label="Followed">
        {picked.map((entity) => (
          <li key={entity.id} className={`chip chip-${entity.__typename.toLowerCase()}${centre?.id === entity.id ? " centre" : ""}`}>
            <button type="button" className="chip-name" onClick={() => onCentre(entity)} aria-pressed={centre?.id === entity.id} title={`Centre the network on ${entity.name}`}>
              {entity.name} <span className="option-type">{TYPE_LABEL[entity.__typename]}</span>
            </button>
            <button type="button" className="chip-remove" onClick={() => onRemove(entity)} aria-label={`Stop following ${entity.name}`}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
