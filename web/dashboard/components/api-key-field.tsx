import { useId, useState } from "react";
import { setApiKey } from "../api";
import { useKeyState } from "../use-key-state";

/** Characters of a key shown once it is in use: `cg_` and eight more, the prefix `npm run keys -- list` shows. */
const SHOWN_PREFIX = 11;

/**
 * Where the user gives the dashboard an API key, for a server that requires one
 * (`REQUIRE_API_KEY=true`): a password field whose key is kept for this tab only and sent as
 * `Authorization: Bearer <key>` with every request and on the live connection. When the server
 * refuses the key, or its absence (UNAUTHENTICATED), it says so here, with the server's reason.
 */
export function ApiKeyField() {
  const { key, refusal } = useKeyState();
  const [draft, setDraft] = useState("");
  const id = useId();
  return (
    // POST, and handled here: even a submit the script missed would not put the key in the URL.
    <form
      className="api-key"
      method="post"
      onSubmit={(event) => {
        event.preventDefault();
        setApiKey(draft);
        setDraft("");
      }}
    >
      <label htmlFor={`${id}-key`}>API key {key ? <span className="hint">({key.slice(0, SHOWN_PREFIX)}… in use)</span> : <span className="hint">(none)</span>}</label>
      <div className="api-key-row">
        <input
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="cg_…"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" disabled={draft.trim() === ""}>
          Use key
        </button>
        {key && (
          <button type="button" onClick={() => setApiKey(null)}>
            Forget
          </button>
        )}
      </div>
      {refusal && (
        <p className="error" role="alert" data-testid="key-refusal">
          <strong>{key ? "The server refused this API key." : "This server needs an API key."}</strong> {refusal.errors[0]?.message} ({refusal.errors[0]?.extensions?.code})
        </p>
      )}
    </form>
  );
}
