import { ModelsView } from "@/components/models/models-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <>
      <PageHeader
        title="Classifier models"
        subtitle={<>A random forest predicts P(high educational value) for every snippet; or from a terminal: <code className="font-mono text-xs">npx syllabus train --dataset name --wait</code></>}
      />
      <ModelsView />
    </>
  );
}
