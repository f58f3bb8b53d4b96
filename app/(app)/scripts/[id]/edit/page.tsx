import { IntentLink } from "@/app/_components/intent-link";
import { PageHeader } from "@/app/_components/ui";
import { ScriptEditor } from "../../script-editor";
import { loadScript } from "../load-script";

export const metadata = { title: "Edit script" };

export default async function EditScriptPage({ params }: { params: Promise<{ id: string }> }) {
  const script = await loadScript((await params).id);
  if (!script.permissions.edit) {
    return (
      <>
        <PageHeader title={script.title} />
        <p className="text-sm text-muted">
          Only the author or a manager can edit this script. You can{" "}
          <IntentLink href={`/scripts/${script.id}`} className="text-accent underline">
            fork it
          </IntentLink>{" "}
          into a draft of your own.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Edit “${script.title}”`} description={`Version ${script.latestVersion.number} · saving a changed text makes version ${script.latestVersion.number + 1}.`} />
      <ScriptEditor
        key={script.latestVersion.id}
        mode="edit"
        id={script.id}
        initial={{ title: script.title, stage: script.stage, tags: script.tags, body: script.latestVersion.body }}
        measured={{ medianMessageSeconds: script.evidence.medianMessageSeconds, measuredMessages: script.evidence.measuredMessages }}
      />
    </>
  );
}
