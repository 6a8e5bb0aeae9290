namespace Spindle.Operator.Api;

/// <summary>SpinAppExecutorStatus is empty, as in SpinKube.</summary>
public sealed class SpinAppExecutorStatus;
