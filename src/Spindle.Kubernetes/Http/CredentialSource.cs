using System.Net.Http.Headers;
using System.Text;
using Spindle.Kubernetes.Config;

namespace Spindle.Kubernetes;

/// <summary>The Authorization header of every request: static token, token file (re-read each minute), basic, or exec plugin.</summary>
internal sealed class CredentialSource
{
    private static readonly TimeSpan TokenFileRefresh = TimeSpan.FromMinutes(1);
    private readonly KubernetesClientConfiguration _configuration;
    private readonly ExecCredentialProvider? _exec;
    private readonly TimeProvider _time;
    private string? _fileToken;
    private DateTimeOffset _fileTokenRead;

    public CredentialSource(KubernetesClientConfiguration configuration, ExecCredentialProvider? exec, TimeProvider time)
    {
        _configuration = configuration;
        _exec = exec;
        _time = time;
    }

    public bool CanRefresh => _exec is not null || _configuration.TokenFile is not null;

    /// <summary>After a 401: the next request asks the plugin again / re-reads the token file.</summary>
    public void Invalidate()
    {
        _exec?.Invalidate();
        _fileToken = null;
    }

    public async ValueTask<AuthenticationHeaderValue?> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        if (_exec is not null)
        {
            var result = await _exec.GetAsync(cancellationToken);
            return result.Token is null ? null : new AuthenticationHeaderValue("Bearer", result.Token);
        }

        if (_configuration.TokenFile is { } file)
        {
            var now = _time.GetUtcNow();
            if (_fileToken is null || now - _fileTokenRead > TokenFileRefresh)
            {
                try
                {
                    _fileToken = (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
                    _fileTokenRead = now;
                }
                catch (IOException e) when (_fileToken is null)
                {
                    throw new KubeConfigException($"token file '{file}' could not be read: {e.Message}", e);
                }
            }

            return new AuthenticationHeaderValue("Bearer", _fileToken);
        }

        if (_configuration.Token is { Length: > 0 } token) return new AuthenticationHeaderValue("Bearer", token);
        if (_configuration.Username is { } user)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + _configuration.Password));
            return new AuthenticationHeaderValue("Basic", basic);
        }

        return null;
    }
}
