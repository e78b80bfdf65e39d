import type { z } from "zod";
import type { TaskContext } from "@/lib/context";

/**
 * A job is defined once: a name, a zod schema for its payload, and a thin handler that calls a domain
 * function with a TaskContext. The payload is stored as JSON, so schemas should describe plain JSON
 * (no transforms): it is validated at enqueue and validated again by the worker before the handler runs.
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  payload: S;
  handler: (payload: z.output<S>, ctx: TaskContext) => Promise<unknown>;
  /** Default for jobs enqueued without maxAttempts (else the column default, 5). */
  maxAttempts?: number;
};

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

// `any` only so definitions with different payload schemas fit one list; each keeps its own type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJobDefinition = JobDefinition<any>;

/** Definitions by name. `Defs` keeps each name's payload type so enqueueJob can check it at compile time. */
export type JobRegistry<Defs extends Record<string, AnyJobDefinition> = Record<string, AnyJobDefinition>> = {
  readonly definitions: Defs;
  get(name: string): JobDefinition | undefined;
  names(): string[];
};

type ByName<D extends readonly AnyJobDefinition[]> = { [K in D[number] as K["name"]]: K };

export function createJobRegistry<const D extends readonly AnyJobDefinition[]>(definitions: D): JobRegistry<ByName<D>> {
  const byName = new Map<string, AnyJobDefinition>();
  for (const d of definitions) {
    if (byName.has(d.name)) throw new Error(`job "${d.name}" is defined twice`);
    byName.set(d.name, d);
  }
  return {
    definitions: Object.fromEntries(byName) as ByName<D>,
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
  };
}

/** Adds definitions (e.g. test-only jobs) to a registry; same-name definitions are rejected. */
export function extendJobRegistry(registry: JobRegistry, extra: readonly AnyJobDefinition[]): JobRegistry {
  return createJobRegistry([...Object.values(registry.definitions), ...extra]);
}

export type JobNameOf<R extends JobRegistry> = Extract<keyof R["definitions"], string>;
export type JobPayloadOf<R extends JobRegistry, N extends JobNameOf<R>> = z.input<R["definitions"][N]["payload"]>;
