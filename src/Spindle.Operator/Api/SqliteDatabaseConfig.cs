using Spindle.Operator.Crds;

namespace Spindle.Operator.Api;

/// <summary>A [sqlite_database.&lt;name&gt;] table of the runtime config.</summary>
public sealed class SqliteDatabaseConfig
{
    [CrdRequired]
    public string Name { get; set; } = "";

    [CrdRequired]
    public string Type { get; set; } = "";

    public IList<RuntimeConfigOption>? Options { get; set; }
}
