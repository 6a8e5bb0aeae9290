namespace Spindle.Oci.Tests.Support;

/// <summary>A clock that reads a fixed instant (golden annotations) and can be advanced (token expiry).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public void Advance(TimeSpan by) => _now += by;

    public override DateTimeOffset GetUtcNow() => _now;
}
