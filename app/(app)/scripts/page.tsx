import { IntentLink } from "@/app/_components/intent-link";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { DeletedDraftNotice } from "./deleted-draft-notice";
import { LibraryFiltersBar } from "./library-filters";
import { LibraryList } from "./library-list";
import { filtersFromParams, libraryInputFrom } from "./library-params";

export const metadata = { title: "Scripts" };

export default async function ScriptsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const filters = filtersFromParams(params);
  // Set by the script page right after "Delete draft", so the deletion can be undone from here.
  const deleted = Number(params.deleted);
  prefetch(trpc.scripts.library.queryOptions(libraryInputFrom(filters)));
  prefetch(trpc.scripts.facets.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Scripts"
        description="The team's voicemail library, each script with what it has earned. Ranked by the lower end of its 95% interval."
        actions={
          <IntentLink href="/scripts/new" className="inline-flex h-9 items-center rounded-md bg-accent px-3.5 text-sm font-medium text-accent-fg hover:opacity-90">
            New script
          </IntentLink>
        }
      />
      <div className="flex flex-col gap-4">
        {Number.isSafeInteger(deleted) && deleted > 0 && <DeletedDraftNotice key={deleted} id={deleted} />}
        <LibraryFiltersBar filters={filters} />
        <LibraryList filters={filters} />
      </div>
    </HydrateClient>
  );
}
