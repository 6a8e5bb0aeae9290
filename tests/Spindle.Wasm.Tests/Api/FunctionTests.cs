namespace Spindle.Wasm.Tests.Api;

public class FunctionTests
{
    [Fact]
    public void WrapFunc_MatchingSignature_CallsWithoutBoxing()
    {
        var fib = Fixtures.Instantiate("control").GetFunction("fib")!.WrapFunc<int, long>()!;
        Assert.Equal(55L, fib(10));
    }

    [Fact]
    public void WrapFunc_WrongSignature_ReturnsNull() =>
        Assert.Null(Fixtures.Instantiate("control").GetFunction("fib")!.WrapFunc<long, long>());

    [Fact]
    public void WrapFunc_Trap_IsTrapExceptionAndStoreRecovers()
    {
        var instance = Fixtures.Instantiate("numeric");
        var div = instance.GetFunction("i32.div_s")!.WrapFunc<int, int, int>()!;
        Assert.Equal(TrapKind.IntegerDivideByZero, Assert.Throws<TrapException>(() => div(1, 0)).Kind);
        Assert.Equal(3, div(7, 2));
    }

    [Fact]
    public void Invoke_WrongArgumentCountOrType_ThrowsArgumentException()
    {
        var fib = Fixtures.Instantiate("control").GetFunction("fib")!;
        Assert.Throws<ArgumentException>(() => fib.Invoke());
        Assert.Throws<ArgumentException>(() => fib.Invoke("ten"));
    }

    [Fact]
    public void HostFunction_InvokedFromHost_RunsCallback()
    {
        var function = Function.FromDelegate(new Store(new Engine()), (double x, double y) => x * y);
        Assert.Equal(new FuncType([ValType.F64, ValType.F64], [ValType.F64]), function.Type);
        Assert.Equal(6.0, function.Invoke(2.0, 3.0).Single());
        Assert.Equal(6.0, function.WrapFunc<double, double, double>()!(2.0, 3.0));
    }
}
