import { PageHeader } from "@/app/_components/ui";
import { ScriptEditor } from "../script-editor";

export const metadata = { title: "New script" };

export default function NewScriptPage() {
  return (
    <>
      <PageHeader title="New script" description="Write it the way you say it. Placeholders fill in each prospect's and your own details." />
      <ScriptEditor mode="create" />
    </>
  );
}
