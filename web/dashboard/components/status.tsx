import type { ApiFailure } from "../api";

/** An operation's error, announced to screen readers, with the server's message and code. */
export function ErrorNote({ error }: { error: ApiFailure | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error.message}
    </p>
  );
}
