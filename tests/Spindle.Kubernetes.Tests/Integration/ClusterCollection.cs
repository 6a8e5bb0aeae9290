namespace Spindle.Kubernetes.Tests.Integration;

/// <summary>All integration tests share one namespace and run one class at a time (2-core CI machines).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Kubernetes cluster";
}
