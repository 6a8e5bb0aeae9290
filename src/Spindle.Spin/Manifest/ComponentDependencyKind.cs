namespace Spindle.Spin.Manifest;

public enum ComponentDependencyKind
{
    /// <summary><c>"pkg:name/iface" = "&gt;=0.1.0"</c>: a version requirement against the default registry.</summary>
    Version,
    /// <summary><c>{ version, registry?, package?, export? }</c>.</summary>
    Package,
    /// <summary><c>{ path, export? }</c>.</summary>
    Local,
    /// <summary><c>{ url, digest, export? }</c>.</summary>
    Http,
    /// <summary><c>{ component = "&lt;id&gt;", export? }</c>: another component of the app.</summary>
    AppComponent,
}
