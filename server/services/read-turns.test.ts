import { describe, expect, it } from "vitest";
import { AT_ONCE_PER_USER, inTurn } from "./read-turns";

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A read that runs until its gate is opened, noting when it started. */
function reads(started: string[]) {
  const gates = new Map<string, () => void>();
  const read = (user: string, name: string) =>
    inTurn(user, async () => {
      started.push(name);
      await new Promise<void>((resolve) => gates.set(name, resolve));
      return name;
    });
  return { read, open: (name: string) => gates.get(name)!() };
}

describe("statistics reads take turns per user", () => {
  it(`runs ${AT_ONCE_PER_USER} of one user's reads at once, the rest in order, and never holds up another user`, async () => {
    const started: string[] = [];
    const { read, open } = reads(started);
    const names = Array.from({ length: AT_ONCE_PER_USER + 2 }, (_, i) => `a${i + 1}`);
    const hammer = names.map((name) => read("a", name));
    const other = read("b", "b1");
    await settle();
    expect(started).toEqual([...names.slice(0, AT_ONCE_PER_USER), "b1"]);

    open("b1");
    expect(await other).toBe("b1");
    await settle();
    expect(started).toHaveLength(AT_ONCE_PER_USER + 1);

    open("a2");
    await hammer[1];
    await settle();
    expect(started.at(-1)).toBe(names[AT_ONCE_PER_USER]);
    for (const name of names) {
      await settle();
      if (name !== "a2") open(name);
    }
    expect(await Promise.all(hammer)).toEqual(names);
  });

  it("frees the turn when a read fails", async () => {
    for (let i = 0; i < AT_ONCE_PER_USER + 1; i++) await expect(inTurn("c", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const many = Array.from({ length: AT_ONCE_PER_USER * 2 }, (_, i) => i);
    expect(await Promise.all(many.map((i) => inTurn("c", async () => i)))).toEqual(many);
  });
});
