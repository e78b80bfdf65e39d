import { expect, it } from "vitest";
import { OutputBuffer } from "./output-buffer";

it("keeps everything under the cap", () => {
  const b = new OutputBuffer(100);
  b.push(Buffer.from("hello "));
  b.push(Buffer.from("wörld\n"));
  expect(b.toString()).toBe("hello wörld\n");
});

it("keeps the head and the tail of long output, and says how much was dropped", () => {
  const b = new OutputBuffer(64);
  for (let i = 0; i < 1000; i++) b.push(Buffer.from(`line ${i}\n`));
  const s = b.toString();
  expect(s.startsWith("line 0\nline 1\n")).toBe(true);
  expect(s.endsWith("line 999\n")).toBe(true);
  expect(s).toMatch(/bytes of output not kept/);
  expect(b.bytes).toBeGreaterThan(6000);
  expect(s.length).toBeLessThan(200);
});
