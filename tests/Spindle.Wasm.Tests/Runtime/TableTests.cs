namespace Spindle.Wasm.Tests.Runtime;

public class TableTests
{
    [Fact]
    public void TableInit_FromPassiveSegment_MakesFunctionsCallable()
    {
        var instance = Fixtures.Instantiate("tables");
        instance.Call("init", 0, 0, 2);
        Assert.Equal(1, instance.Call("call", 0));
        Assert.Equal(2, instance.Call("call", 1));
    }

    [Fact]
    public void ElemDrop_ThenInit_Traps()
    {
        var instance = Fixtures.Instantiate("tables");
        instance.Call("drop");
        var trap = Assert.Throws<TrapException>(() => instance.Call("init", 0, 0, 1));
        Assert.Equal(TrapKind.TableOutOfBounds, trap.Kind);
    }

    [Fact]
    public void Grow_Fill_Copy_Size_FollowTheSpec()
    {
        var instance = Fixtures.Instantiate("tables");
        Assert.Equal(2, instance.Call("grow", 3));
        Assert.Equal(5, instance.Call("size"));
        Assert.Equal(1, instance.Call("call", 4));
        instance.Call("copy", 0, 3, 2);
        Assert.Equal(1, instance.Call("call", 1));
        instance.Call("fill", 0, 5);
        Assert.Equal(TrapKind.UninitializedElement, Assert.Throws<TrapException>(() => instance.Call("call", 0)).Kind);
        Assert.Equal(-1, instance.Call("grow", 6));
        Assert.Equal(TrapKind.TableOutOfBounds, Assert.Throws<TrapException>(() => instance.Call("fill", 4, 2)).Kind);
    }

    [Fact]
    public void Externref_RoundTripsHostObjects()
    {
        var instance = Fixtures.Instantiate("tables");
        var host = new object();
        instance.Call("set_extern", 1, host);
        Assert.Same(host, instance.Call("get_extern", 1));
        Assert.Same(host, instance.GetTable("externs")!.GetElement(1));
        Assert.Equal(1, instance.Call("is_null", (object?)null));
        Assert.Equal(0, instance.Call("is_null", host));
        Assert.Equal(TrapKind.TableOutOfBounds, Assert.Throws<TrapException>(() => instance.Call("get_extern", 2)).Kind);
    }

    [Fact]
    public void RefFunc_ReturnsTheSameFunctionObjectEachTime()
    {
        var instance = Fixtures.Instantiate("tables");
        var function = Assert.IsType<Function>(instance.Call("ref_func"));
        Assert.Same(function, instance.Call("ref_func"));
        Assert.Equal(1, function.Invoke().Single());
    }

    [Fact]
    public void HostTable_SetElement_RejectsNonFunctionInFuncrefTable()
    {
        var table = Fixtures.Instantiate("tables").GetTable("funcs")!;
        Assert.Throws<ArgumentException>(() => table.SetElement(0, "not a function"));
        Assert.Equal(2u, table.Size);
    }
}
