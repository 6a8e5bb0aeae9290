namespace Spindle.Spin.Outbound;

/// <summary>An <c>allowed_outbound_hosts</c> entry (or an outbound URL) could not be parsed; the message is Spin's.</summary>
public sealed class OutboundHostsException : SpinException
{
    public OutboundHostsException(string message) : base(message)
    {
    }
}
