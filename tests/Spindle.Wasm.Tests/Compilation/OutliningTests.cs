using System.Reflection;
using Spindle.Wasm.Compilation;

namespace Spindle.Wasm.Tests.Compilation;

/// <summary>
/// Outlined regions (see RegionPlanner): Fixtures/outlining.wat compiled with tiny budgets (threshold and region budget),
/// which outline nearly every statement, and with the defaults, which outline nothing there, must compute the same results.
/// </summary>
public class OutliningTests
{
    public static TheoryData<int> Budgets() => [8, 16, 40, RegionPlanner.DefaultThreshold];

    private static Instance Outlining(int budget, bool epoch = false) => Fixtures.Instantiate(
        "outlining", new EngineOptions { OutliningThreshold = budget, RegionBudget = budget, EpochInterruption = epoch });

    private static int RegionCount(Instance instance) =>
        instance.Module.Compiled.CompiledType.GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Length;

    [Fact]
    public void TinyBudget_OutlinesRegions_DefaultBudgetDoesNot()
    {
        Assert.True(RegionCount(Outlining(16)) > 10);
        Assert.Equal(0, RegionCount(Outlining(RegionPlanner.DefaultThreshold)));
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void BranchOutOfRegion_CarriesValue(int budget)
    {
        var instance = Outlining(budget);
        Assert.Equal(17, instance.Call("exit_with_value", 5));
        Assert.Equal(100, instance.Call("exit_with_value", 10));
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void BrTableOutOfRegion_ReachesEachTarget(int budget)
    {
        var instance = Outlining(budget);
        Assert.Equal(1007, instance.Call("table_exit", 0));
        Assert.Equal(1080, instance.Call("table_exit", 1));
        Assert.Equal(1012, instance.Call("table_exit", 5));
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void ReturnFromRegion_WithTwoResults(int budget)
    {
        var function = Outlining(budget).GetFunction("return_pair")!;
        Assert.Equal(new object[] { -1, -2000L }, function.Invoke(-2));
        Assert.Equal(new object[] { 3, 3005L }, function.Invoke(3));
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void MultiValueBlock_LeftByBranchOrFallThrough(int budget)
    {
        var instance = Outlining(budget);
        Assert.Equal(2L, instance.Call("multi_block", 0));
        Assert.Equal(54L, instance.Call("multi_block", 5));
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Loops_BackEdgesAndExitsFromRegions(int budget)
    {
        var instance = Outlining(budget);
        Assert.Equal(5050L, instance.Call("sum_to", 100));
        Assert.Equal(1L, instance.Call("sum_to", 0));
        Assert.Equal(32, instance.Call("loop_param", 5));
        Assert.Equal(2, instance.Call("loop_param", 0));
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void LocalsWrittenInRegion_AreSeenAfterIt(int budget) =>
        Assert.Equal(11.5, Outlining(budget).Call("locals_roundtrip", 3, 2.0));

    [Theory]
    [MemberData(nameof(Budgets))]
    public void MemoryGrowInRegion_CallerSeesNewMemory(int budget) =>
        Assert.Equal(1235, Outlining(budget).Call("grow_then_store"));

    [Theory]
    [MemberData(nameof(Budgets))]
    public void AddressChangedInRegion_IsBoundsCheckedAgain(int budget)
    {
        var trap = Assert.Throws<TrapException>(() => Outlining(budget).Call("bounds_after_region", 0));
        Assert.Equal(TrapKind.MemoryOutOfBounds, trap.Kind);
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void CallsInRegion_PassResultsBack(int budget) =>
        Assert.Equal(20, Outlining(budget).Call("call_in_region", 5));

    [Theory]
    [MemberData(nameof(Budgets))]
    public void TrapInRegion_WasmStackNamesEachFunctionOnce(int budget)
    {
        var trap = Assert.Throws<TrapException>(() => Outlining(budget).Call("trap_through_call", 1));
        Assert.Equal(TrapKind.IntegerDivideByZero, trap.Kind);
        Assert.Equal(["trap_deep", "trap_through_call"], trap.WasmStackTrace);
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void InfiniteLoopInRegion_StopsAtEpochInterruption(int budget)
    {
        var instance = Outlining(budget, epoch: true);
        instance.Store.SetEpochDeadline(1);
        using var started = new ManualResetEventSlim();
        var ticker = new Thread(() =>
        {
            started.Wait();
            instance.Store.Engine.IncrementEpoch();
        });
        ticker.Start();
        started.Set();

        var trap = Assert.Throws<TrapException>(() => instance.Call("spin"));
        ticker.Join();
        Assert.Equal(TrapKind.Interrupted, trap.Kind);
    }
}
