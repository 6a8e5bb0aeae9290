using Spindle.Spin.Locked;
using Spindle.Spin.Variables;

namespace Spindle.Spin.Tests.Variables;

public class VariableResolverTests
{
    private static readonly SortedDictionary<string, LockedVariable> Variables = new(StringComparer.Ordinal)
    {
        ["api_host"] = new LockedVariable { Default = "api.example.com" },
        ["api_token"] = new LockedVariable { Secret = true },
    };

    private static Dictionary<string, string> Env(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public async Task Resolve_Default_WhenNoProviderHasAValue()
    {
        var resolver = new VariableResolver(Variables, [StaticVariableProvider.FromPairs(["api_token=t"])]);
        resolver.AddComponentVariables("api", new Dictionary<string, string> { ["url"] = "https://{{ api_host }}/v1" });

        Assert.Equal("https://api.example.com/v1", await resolver.ResolveAsync("api", "url", CancellationToken.None));
    }

    [Fact]
    public async Task Resolve_EnvironmentProvider_ReadsSpinVariablePrefix()
    {
        var env = Env(("SPIN_VARIABLE_API_TOKEN", "from-env"), ("SPIN_VARIABLE_API_HOST", "env.example.com"));
        var resolver = new VariableResolver(Variables, [new EnvironmentVariableProvider(getEnvironmentVariable: env.GetValueOrDefault)]);
        resolver.AddComponentVariables("api", new Dictionary<string, string> { ["token"] = "Bearer {{api_token}}", ["host"] = "{{ api_host }}" });

        Assert.Equal("Bearer from-env", await resolver.ResolveAsync("api", "token", CancellationToken.None));
        Assert.Equal("env.example.com", await resolver.ResolveAsync("api", "host", CancellationToken.None));
    }

    [Fact]
    public async Task Resolve_FirstProviderWins()
    {
        var env = Env(("SPIN_VARIABLE_API_TOKEN", "from-env"));
        var resolver = new VariableResolver(Variables, [StaticVariableProvider.FromPairs(["api_token=explicit"]), new EnvironmentVariableProvider(getEnvironmentVariable: env.GetValueOrDefault)]);

        var prepared = await resolver.PrepareAsync(CancellationToken.None);

        Assert.Equal("explicit", prepared.Values["api_token"]);
    }

    [Fact]
    public async Task Prepare_MissingRequiredVariable_NamesIt()
    {
        var resolver = new VariableResolver(Variables, [new EnvironmentVariableProvider(getEnvironmentVariable: _ => null)]);

        var e = await Assert.ThrowsAsync<VariableException>(() => resolver.PrepareAsync(CancellationToken.None));

        Assert.Equal("no provider resolved required variable \"api_token\"", e.Message);
        Assert.Equal("api_token", e.VariableName);
    }

    [Fact]
    public void AddComponentVariables_UnknownAppVariable_IsRejected()
    {
        var resolver = new VariableResolver(Variables, []);

        var e = Assert.Throws<VariableException>(() => resolver.AddComponentVariables("api", new Dictionary<string, string> { ["x"] = "{{ nope }}" }));

        Assert.Equal("invalid variable template: unknown variable \"nope\"", e.Message);
    }

    [Fact]
    public async Task Prepared_RendersComponentVariables()
    {
        var resolver = new VariableResolver(Variables, [StaticVariableProvider.FromPairs(["api_token=a=b"])]);
        resolver.AddComponentVariables("api", new Dictionary<string, string> { ["token"] = "{{ api_token }}" });

        var prepared = await resolver.PrepareAsync(CancellationToken.None);

        Assert.Equal("a=b", prepared.TryGetComponentVariable("api", "token"));
        Assert.Null(prepared.TryGetComponentVariable("api", "missing"));
        Assert.Equal("https://api.example.com", prepared.Render(Template.Parse("https://{{ api_host }}")));
    }

    [Fact]
    public async Task Resolve_UndefinedComponentVariable_IsUndefined()
    {
        var resolver = new VariableResolver(Variables, []);
        resolver.AddComponentVariables("api", new Dictionary<string, string>());

        var e = await Assert.ThrowsAsync<VariableException>(() => resolver.ResolveAsync("api", "x", CancellationToken.None));

        Assert.Equal("undefined variable: no variable for \"api\".\"x\"", e.Message);
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=value")]
    [InlineData("Bad=1")]
    public void FromPairs_InvalidPair_IsRejected(string pair) => Assert.Throws<VariableException>(() => StaticVariableProvider.FromPairs([pair]));

    [Fact]
    public async Task EnvironmentProvider_ReadsDotenvFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "# comment\nSPIN_VARIABLE_API_TOKEN=\"dotenv\"\n");
            var provider = new EnvironmentVariableProvider(dotenvPath: path, getEnvironmentVariable: _ => null);

            Assert.Equal("dotenv", await provider.GetAsync("api_token", CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
