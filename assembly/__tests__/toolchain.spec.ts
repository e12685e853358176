describe("toolchain", () => {
  it("runs as-pect specs", () => {
    expect<i32>(1 + 1).toBe(2);
  });
});
