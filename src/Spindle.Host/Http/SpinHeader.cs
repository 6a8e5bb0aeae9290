namespace Spindle.Host.Http;

/// <summary>
/// One value Spin gives a component about its request, under two names: the header for the Spin and wasi-http
/// executors (<c>spin-path-info</c>) and the environment variable for Wagi (<c>PATH_INFO</c>).
/// </summary>
internal readonly record struct SpinHeader(string EnvName, string WagiName, string Value)
{
    /// <summary>The header form: the env name lowercased with '_' as '-' (<c>SPIN_FULL_URL</c> → <c>spin-full-url</c>).</summary>
    public string HeaderName => EnvName.Replace('_', '-').ToLowerInvariant();
}
