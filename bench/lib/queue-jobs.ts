import { z } from "zod";
import { defineJob } from "@/lib/jobs/job-definition";

/** The queue benchmark's job, loaded into worker processes with SYLLABUS_EXTRA_JOBS: it does nothing. */
export const jobs = [defineJob({ name: "bench.noop", payload: z.object({}), handler: async () => {} })];
