namespace Spindle.Operator.Reconciliation;

/// <summary>
/// A SpinApp cannot be realised as asked (conflicting runtime config, unknown probe, bad quantity, missing
/// referenced Secret key...). The reconcile fails and is retried with backoff; the message names the field and fix.
/// </summary>
internal sealed class ReconcileException : Exception
{
    public ReconcileException(string message)
        : base(message)
    {
    }

    public ReconcileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
