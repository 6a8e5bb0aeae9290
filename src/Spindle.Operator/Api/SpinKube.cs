namespace Spindle.Operator.Api;

/// <summary>
/// The API groups SpinKube has used and the label, finalizer and webhook names derived from them. Today's group is
/// <c>core.spinkube.dev</c> (spin-operator v0.4+); <c>core.spinoperator.dev</c> is v0.1–v0.3's. Both are served and
/// reconciled alike; children carry the group of the app that made them.
/// </summary>
public static class SpinKube
{
    public const string Group = "core.spinkube.dev";

    public const string LegacyGroup = "core.spinoperator.dev";

    public const string Version = "v1alpha1";

    public const string ApiVersion = Group + "/" + Version;

    /// <summary>SSA field manager of everything the operator applies.</summary>
    public const string FieldManager = "spin-operator";

    /// <summary>Executors SpinKube knows by name.</summary>
    public const string ContainerdShimSpinExecutor = "containerd-shim-spin";

    public const string CyclotronExecutor = "cyclotron";

    public static IReadOnlyList<string> Groups { get; } = [Group, LegacyGroup];

    /// <summary>The group of an apiVersion such as <c>core.spinkube.dev/v1alpha1</c>; today's group when it has none.</summary>
    public static string GroupOf(string? apiVersion)
    {
        if (string.IsNullOrEmpty(apiVersion)) return Group;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? Group : apiVersion[..slash];
    }

    /// <summary><c>&lt;group&gt;/app-name</c>: on every child of a SpinApp.</summary>
    public static string NameLabelKey(string group) => group + "/app-name";

    /// <summary><c>&lt;group&gt;/app.&lt;name&gt;.status</c> = <c>ready</c>: the label the Service selects pods by.</summary>
    public static string StatusLabelKey(string group, string appName) => group + "/app." + appName + ".status";

    public const string StatusLabelReady = "ready";

    /// <summary>The finalizer on executors that keeps them while apps still use them.</summary>
    public static string FinalizerName(string group) => group + "/finalizer";
}
