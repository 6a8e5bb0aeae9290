namespace Spindle.Spin.Outbound;

/// <summary>The host part of an <see cref="AllowedHost"/>.</summary>
public enum AllowedHostKind
{
    /// <summary>A literal domain name or IP address.</summary>
    Literal,
    /// <summary><c>*</c>: any host.</summary>
    Any,
    /// <summary><c>*.example.com</c>: any subdomain (suffix match).</summary>
    AnySubdomain,
    /// <summary><c>self</c> / <c>self.alt</c>: requests to the app itself (relative URLs).</summary>
    Self,
    /// <summary>A CIDR block such as <c>10.0.0.0/8</c>.</summary>
    Cidr,
}
