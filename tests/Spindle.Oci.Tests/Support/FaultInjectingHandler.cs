using System.Net;
using System.Net.Http;

namespace Spindle.Oci.Tests.Support;

/// <summary>
/// Sits in front of the real socket handler: fails chosen requests with a status or a connection reset, and counts
/// requests, so retry behaviour is tested against the real registry.
/// </summary>
public sealed class FaultInjectingHandler : DelegatingHandler
{
    private readonly Lock _lock = new();
    private readonly List<(Func<HttpRequestMessage, bool> Match, int Remaining, HttpStatusCode? Status)> _faults = [];
    private int _requests;

    public FaultInjectingHandler() : base(new SocketsHttpHandler()) { }

    public int Requests => Volatile.Read(ref _requests);

    public List<string> Log { get; } = [];

    /// <summary>The next <paramref name="count"/> matching requests get <paramref name="status"/> (null: a connection reset).</summary>
    public void Fail(Func<HttpRequestMessage, bool> match, int count, HttpStatusCode? status)
    {
        lock (_lock) _faults.Add((match, count, status));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        HttpStatusCode? status = null;
        var fault = false;
        lock (_lock)
        {
            Log.Add($"{request.Method} {request.RequestUri?.AbsolutePath}");
            for (var i = 0; i < _faults.Count; i++)
            {
                var (match, remaining, s) = _faults[i];
                if (remaining > 0 && match(request))
                {
                    _faults[i] = (match, remaining - 1, s);
                    status = s;
                    fault = true;
                    break;
                }
            }
        }

        if (fault)
        {
            if (status is null) throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer (injected)", new IOException("Connection reset by peer"));
            return new HttpResponseMessage(status.Value) { RequestMessage = request, Content = new StringContent("") };
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
