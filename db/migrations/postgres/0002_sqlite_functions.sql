-- SQLite's instr(haystack, needle) — the 1-based position of a literal substring, 0 when absent —
-- which the script library's search uses so that what the user types (% and _ included) is
-- matched literally. PostgreSQL calls it strpos; one function here keeps the services' SQL one.
CREATE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT strpos(haystack, needle)
$$;
