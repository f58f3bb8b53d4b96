import { PageHeader } from "@/app/_components/ui";
import { ProspectSearch } from "./prospect-search";

export const metadata = { title: "Prospects" };

export default function ProspectsPage() {
  return (
    <>
      <PageHeader title="Prospects" description="Everyone your team has dialled, matched by phone number." />
      <ProspectSearch />
    </>
  );
}
