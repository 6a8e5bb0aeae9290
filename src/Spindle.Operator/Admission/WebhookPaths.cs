namespace Spindle.Operator.Admission;

/// <summary>The webhook paths controller-runtime derives from group, version and kind, for both SpinKube groups.</summary>
internal static class WebhookPaths
{
    /// <summary><c>/mutate-core-spinkube-dev-v1alpha1-spinapp</c> and friends.</summary>
    public static string For(bool mutate, string group, string kind) =>
        "/" + (mutate ? "mutate" : "validate") + "-" + group.Replace('.', '-') + "-" + Api.SpinKube.Version + "-" + kind.ToLowerInvariant();
}
