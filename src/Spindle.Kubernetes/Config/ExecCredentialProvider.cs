using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Spindle.Kubernetes.Serialization;

namespace Spindle.Kubernetes.Config;

/// <summary>
/// Runs a kubeconfig exec plugin and caches its ExecCredential until the expiration it states (or until the
/// server answers 401), as client-go does. Never logs the token.
/// </summary>
internal sealed class ExecCredentialProvider : IDisposable
{
    private readonly ExecConfig _exec;
    private readonly KubernetesClientConfiguration _cluster;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ExecResult? _current;

    public ExecCredentialProvider(ExecConfig exec, KubernetesClientConfiguration cluster, TimeProvider time)
    {
        _exec = exec;
        _cluster = cluster;
        _time = time;
    }

    /// <summary>The client certificate the plugin returned last, for the TLS handshake.</summary>
    public X509Certificate2? Certificate => _current?.Certificate;

    public void Invalidate() => _current = null;

    public async ValueTask<ExecResult> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && !IsExpired(current)) return current;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current is not null && !IsExpired(current)) return current;
            current = await RunAsync(cancellationToken);
            _current = current;
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsExpired(ExecResult result) =>
        result.Expiration is { } expiration && _time.GetUtcNow() >= expiration - TimeSpan.FromSeconds(10);

    private async Task<ExecResult> RunAsync(CancellationToken cancellationToken)
    {
        if (_exec.ApiVersion is not ("client.authentication.k8s.io/v1" or "client.authentication.k8s.io/v1beta1"))
            throw new KubeConfigException($"exec plugin '{_exec.Command}': apiVersion '{_exec.ApiVersion}' is not supported; use client.authentication.k8s.io/v1 or v1beta1.");

        var start = new ProcessStartInfo(ResolveCommand())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var arg in _exec.Args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in _exec.Env) start.Environment[name] = value;
        start.Environment["KUBERNETES_EXEC_INFO"] = ExecInfoJson();

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new KubeConfigException($"exec plugin '{_exec.Command}' did not start.");
        }
        catch (Win32Exception e)
        {
            var hint = _exec.InstallHint is null ? "check the path in the kubeconfig's users[].user.exec.command" : _exec.InstallHint.Trim();
            throw new KubeConfigException($"exec plugin '{_exec.Command}' could not be run ({e.Message}): {hint}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var output = await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0)
                throw new KubeConfigException($"exec plugin '{_exec.Command}' exited with code {process.ExitCode}: {errors.Trim()}");
            return Parse(output);
        }
    }

    private ExecResult Parse(string output)
    {
        ExecCredential? credential;
        try
        {
            credential = JsonSerializer.Deserialize(output, InternalJsonContext.Default.ExecCredential);
        }
        catch (JsonException e)
        {
            throw new KubeConfigException($"exec plugin '{_exec.Command}' printed something that is not an ExecCredential JSON object: {e.Message}", e);
        }

        if (credential?.Kind != "ExecCredential" || credential.ApiVersion != _exec.ApiVersion)
            throw new KubeConfigException(
                $"exec plugin '{_exec.Command}' returned kind '{credential?.Kind}' apiVersion '{credential?.ApiVersion}'; expected ExecCredential {_exec.ApiVersion}.");
        var status = credential.Status
            ?? throw new KubeConfigException($"exec plugin '{_exec.Command}' returned an ExecCredential without status.");

        X509Certificate2? certificate = null;
        if (status.ClientCertificateData is not null || status.ClientKeyData is not null)
        {
            if (status.ClientCertificateData is null || status.ClientKeyData is null)
                throw new KubeConfigException($"exec plugin '{_exec.Command}' returned only one of status.clientCertificateData and status.clientKeyData; both are needed.");
            certificate = TlsHandlerFactory.LoadClientCertificate(status.ClientCertificateData, status.ClientKeyData);
        }
        else if (string.IsNullOrEmpty(status.Token))
        {
            throw new KubeConfigException($"exec plugin '{_exec.Command}' returned neither status.token nor a client certificate.");
        }

        return new ExecResult(status.Token, certificate, status.ExpirationTimestamp);
    }

    private string ResolveCommand()
    {
        // kubectl: a command with a path separator is relative to the kubeconfig file; a bare name is looked up on PATH.
        var command = _exec.Command;
        if (command.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(command) && _exec.BaseDirectory is not null)
            return Path.GetFullPath(Path.Combine(_exec.BaseDirectory, command));
        return command;
    }

    private string ExecInfoJson()
    {
        var info = new ExecCredential
        {
            ApiVersion = _exec.ApiVersion,
            Kind = "ExecCredential",
            Spec = new ExecCredentialSpec { Interactive = false },
        };
        if (_exec.ProvideClusterInfo)
        {
            info.Spec.Cluster = new ExecCluster
            {
                Server = _cluster.Server.ToString().TrimEnd('/'),
                TlsServerName = _cluster.TlsServerName,
                InsecureSkipTlsVerify = _cluster.InsecureSkipTlsVerify ? true : null,
                CertificateAuthorityData = _cluster.CertificateAuthorityPem is null
                    ? null
                    : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(_cluster.CertificateAuthorityPem)),
            };
        }

        return JsonSerializer.Serialize(info, InternalJsonContext.Default.ExecCredential);
    }

    public void Dispose()
    {
        _gate.Dispose();
        _current?.Certificate?.Dispose();
    }

    internal sealed record ExecResult(string? Token, X509Certificate2? Certificate, DateTimeOffset? Expiration);
}
