namespace Spindle.Operator.Admission;

/// <summary>An AdmissionReview the webhook cannot process (malformed, or for a kind it does not serve).</summary>
internal sealed class AdmissionException(string message) : Exception(message);
