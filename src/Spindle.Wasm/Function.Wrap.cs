using Spindle.Wasm.Compilation;

namespace Spindle.Wasm;

// Typed wrappers: delegates that call the function without boxing. Null when the signature does not match.
public sealed partial class Function
{
    public Action? WrapAction() => Wrap<Action>();

    public Action<T>? WrapAction<T>() => Wrap<Action<T>>();

    public Action<T1, T2>? WrapAction<T1, T2>() => Wrap<Action<T1, T2>>();

    public Action<T1, T2, T3>? WrapAction<T1, T2, T3>() => Wrap<Action<T1, T2, T3>>();

    public Action<T1, T2, T3, T4>? WrapAction<T1, T2, T3, T4>() => Wrap<Action<T1, T2, T3, T4>>();

    public Func<TResult>? WrapFunc<TResult>() => Wrap<Func<TResult>>();

    public Func<T, TResult>? WrapFunc<T, TResult>() => Wrap<Func<T, TResult>>();

    public Func<T1, T2, TResult>? WrapFunc<T1, T2, TResult>() => Wrap<Func<T1, T2, TResult>>();

    public Func<T1, T2, T3, TResult>? WrapFunc<T1, T2, T3, TResult>() => Wrap<Func<T1, T2, T3, TResult>>();

    public Func<T1, T2, T3, T4, TResult>? WrapFunc<T1, T2, T3, T4, TResult>() => Wrap<Func<T1, T2, T3, T4, TResult>>();

    public Func<T1, T2, T3, T4, T5, TResult>? WrapFunc<T1, T2, T3, T4, T5, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, TResult>>();

    /// <summary>A delegate of type <typeparamref name="TDelegate"/> calling this function, or null when the types differ.</summary>
    public TDelegate? Wrap<TDelegate>()
        where TDelegate : Delegate
    {
        var type = StubCompiler.FuncTypeOfDelegate(typeof(TDelegate));
        if (type is null || !type.Equals(Type))
        {
            return null;
        }

        return (TDelegate)InvokerCompiler.GetWrapper(typeof(TDelegate), Type).CreateDelegate(typeof(TDelegate), this);
    }
}
