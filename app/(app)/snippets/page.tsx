import { Suspense } from "react";
import { SnippetBrowser } from "@/components/snippets/snippet-browser";
import { SnippetTableSkeleton } from "@/components/snippets/snippet-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Snippets" };

export default function SnippetsPage() {
  return (
    <>
      <PageHeader title="Snippets" subtitle="Filter, search and page through snippets; click a row to open it in the spot-check view." />
      {/* useSearchParams needs a Suspense boundary */}
      <Suspense fallback={<SnippetTableSkeleton />}>
        <SnippetBrowser />
      </Suspense>
    </>
  );
}
