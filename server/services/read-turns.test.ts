import { describe, expect, it } from "vitest";
import { inTurn } from "./read-turns";

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe("statistics reads take turns per user", () => {
  it("runs two of one user's reads at once, the rest in order, and never holds up another user", async () => {
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof gate>>();
    const read = (user: string, name: string) => {
      const g = gate();
      gates.set(name, g);
      return inTurn(user, async () => {
        started.push(name);
        await g.opened;
        return name;
      });
    };
    const hammer = ["a1", "a2", "a3", "a4"].map((name) => read("a", name));
    const other = read("b", "b1");
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(["a1", "a2", "b1"]);

    gates.get("b1")!.open();
    expect(await other).toBe("b1");
    gates.get("a2")!.open();
    await hammer[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(["a1", "a2", "b1", "a3"]);

    for (const name of ["a1", "a3", "a4"]) gates.get(name)?.open();
    await new Promise((resolve) => setImmediate(resolve));
    gates.get("a4")!.open();
    expect(await Promise.all(hammer)).toEqual(["a1", "a2", "a3", "a4"]);
  });

  it("frees the turn when a read fails", async () => {
    await expect(inTurn("c", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(inTurn("c", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await Promise.all([inTurn("c", async () => 1), inTurn("c", async () => 2), inTurn("c", async () => 3)])).toEqual([1, 2, 3]);
  });
});
