namespace Spindle.Wasm.Tests.Compilation;

public class ControlTests
{
    private static readonly Instance s_control = Fixtures.Instantiate("control");

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 101)]
    [InlineData(2, 102)]
    [InlineData(3, 103)]
    [InlineData(4, 103)]
    [InlineData(-1, 103)]
    public void BrTable_SelectsTargetOrDefault(int index, int expected) =>
        Assert.Equal(expected, s_control.Call("switch", index));

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 1)]
    [InlineData(9, 9)]
    public void BrTable_CarriesValueToTargetsAtDifferentHeights(int index, int expected) =>
        Assert.Equal(expected, s_control.Call("switch_value", index));

    [Fact]
    public void MultiValue_FunctionResults_AreReturnedInOrder() =>
        Assert.Equal(new object[] { 5L, 3 }, s_control.GetFunction("swap")!.Invoke(3, 5L));

    [Fact]
    public void MultiValue_Blocks_WithResultsAndParameters()
    {
        Assert.Equal(-1, s_control.Call("multi_block"));
        Assert.Equal(42, s_control.Call("block_params", 21));
    }

    [Theory]
    [InlineData(0, 0L)]
    [InlineData(1, 1L)]
    [InlineData(90, 2880067194370816120L)]
    public void Loop_IterativeFibonacci(int n, long expected) =>
        Assert.Equal(expected, s_control.Call("fib", n));

    [Theory]
    [InlineData(1, 1.5)]
    [InlineData(0, 2.5)]
    public void Select_PicksByCondition(int condition, double expected) =>
        Assert.Equal(expected, s_control.Call("select", condition, 1.5, 2.5));

    [Theory]
    [InlineData(7, 1)]
    [InlineData(0, 2)]
    public void IfElse_TakesBranch(int condition, int expected) =>
        Assert.Equal(expected, s_control.Call("if_else", condition));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(0, 6)]
    public void CodeAfterReturn_IsSkipped(int condition, int expected) =>
        Assert.Equal(expected, s_control.Call("unreachable_tail", condition));

    [Fact]
    public void Unreachable_Traps() =>
        Assert.Equal(TrapKind.Unreachable, Assert.Throws<TrapException>(() => s_control.Call("trap_unreachable")).Kind);
}
