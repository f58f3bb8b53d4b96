import { LIBRARY_SORTS, LIBRARY_VIEWS, type LibraryInput, type LibrarySort, type LibraryView } from "@/lib/inputs/scripts";
import { STAGES, type Stage } from "@/lib/vocabulary";

// The library's filters live in the URL (shareable, back-button friendly); this is the one
// translation between query strings and the `scripts.library` input, used by page and filters.

export type LibraryFilters = {
  q: string;
  stage: Stage | "";
  tags: string[];
  authorId: string;
  view: LibraryView;
  teamPicks: boolean;
  sort: LibrarySort;
};

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function filtersFromParams(params: Params): LibraryFilters {
  const stage = one(params.stage);
  const view = one(params.view);
  const sort = one(params.sort);
  return {
    q: one(params.q).slice(0, 100),
    stage: (STAGES as readonly string[]).includes(stage) ? (stage as Stage) : "",
    tags: one(params.tags)
      .split(",")
      .map((t) => t.trim().toLowerCase())
      .filter((t) => /^[a-z0-9][a-z0-9-]{0,39}$/.test(t))
      .slice(0, 12),
    authorId: one(params.author).slice(0, 64),
    view: (LIBRARY_VIEWS as readonly string[]).includes(view) ? (view as LibraryView) : "all",
    teamPicks: one(params.picks) === "1",
    sort: (LIBRARY_SORTS as readonly string[]).includes(sort) ? (sort as LibrarySort) : "ranked",
  };
}

export function paramsFromFilters(f: LibraryFilters): string {
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  if (f.stage) p.set("stage", f.stage);
  if (f.tags.length) p.set("tags", f.tags.join(","));
  if (f.authorId) p.set("author", f.authorId);
  if (f.view !== "all") p.set("view", f.view);
  if (f.teamPicks) p.set("picks", "1");
  if (f.sort !== "ranked") p.set("sort", f.sort);
  return p.toString();
}

export function libraryInputFrom(f: LibraryFilters): LibraryInput {
  return {
    q: f.q || undefined,
    stage: f.stage || undefined,
    tags: f.tags.length ? f.tags : undefined,
    authorId: f.authorId || undefined,
    view: f.view,
    teamPicks: f.teamPicks || undefined,
    sort: f.sort,
  };
}
