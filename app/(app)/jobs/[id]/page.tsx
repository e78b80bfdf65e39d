import { notFound } from "next/navigation";
import { JobDetail } from "@/components/jobs/job-detail";

export const metadata = { title: "Job" };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) notFound();
  return <JobDetail id={n} />;
}
