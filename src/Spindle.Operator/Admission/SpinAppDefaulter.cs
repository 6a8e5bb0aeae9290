using Spindle.Operator.Api;

namespace Spindle.Operator.Admission;

/// <summary>
/// The mspinapp.kb.io defaulting: an app without an executor gets the alphabetically first executor name found in
/// any namespace (SpinKube's behaviour, even though validation then requires it in the app's namespace).
/// </summary>
internal static class SpinAppDefaulter
{
    /// <summary>The executor to set, or null when the app has one or no executor exists.</summary>
    public static string? DefaultExecutor(SpinApp app, IEnumerable<string> executorNames)
    {
        if (app.Spec.Executor.Length != 0) return null;
        string? first = null;
        foreach (var name in executorNames)
        {
            if (first is null || string.CompareOrdinal(name, first) < 0) first = name;
        }

        return first;
    }
}
