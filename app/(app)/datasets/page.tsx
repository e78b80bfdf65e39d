import { DatasetList } from "@/components/datasets/dataset-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Datasets" };

export default function DatasetsPage() {
  return (
    <>
      <PageHeader title="Datasets" subtitle="Imported corpora with their LLM labels and human spot-check coverage." />
      <DatasetList />
    </>
  );
}
