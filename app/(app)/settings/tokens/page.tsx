import { TokensPanel } from "@/components/tokens-panel";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "API tokens" };

export default function TokensPage() {
  return (
    <>
      <PageHeader title="API tokens" subtitle="Personal tokens for scripts and the JSON API: send Authorization: Bearer <token>." />
      <TokensPanel />
    </>
  );
}
